/** Trial executors: where and how trials run. */
@NullMarked
package org.djlnas.api.exec;

import org.jspecify.annotations.NullMarked;
