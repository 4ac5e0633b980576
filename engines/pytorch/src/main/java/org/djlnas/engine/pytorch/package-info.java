/** The PyTorch engine module: offline natives and tuned defaults. */
@NullMarked
package org.djlnas.engine.pytorch;

import org.jspecify.annotations.NullMarked;
