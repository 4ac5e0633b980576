/** Exporting found networks, with their trained weights, to an engine's deployment format. */
@NullMarked
package org.djlnas.runtime.export;

import org.jspecify.annotations.NullMarked;
