/** Architectures: one value for every label of a search space that a chosen path reaches. */
@NullMarked
package org.djlnas.api.arch;

import org.jspecify.annotations.NullMarked;
