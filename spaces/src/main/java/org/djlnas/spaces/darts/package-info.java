/** The DARTS CNN search space. */
@NullMarked
package org.djlnas.spaces.darts;

import org.jspecify.annotations.NullMarked;
