/** The operation registry: named block factories that every space builds its blocks from. */
@NullMarked
package org.djlnas.api.op;

import org.jspecify.annotations.NullMarked;
