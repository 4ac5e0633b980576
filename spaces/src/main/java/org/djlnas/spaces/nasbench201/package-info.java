/** The NAS-Bench-201 search space. */
@NullMarked
package org.djlnas.spaces.nasbench201;

import org.jspecify.annotations.NullMarked;
