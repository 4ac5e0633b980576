/** The MXNet engine module: offline natives and tuned defaults. */
@NullMarked
package org.djlnas.engine.mxnet;

import org.jspecify.annotations.NullMarked;
