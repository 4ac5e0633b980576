/** Engines: what each DJL engine can do, and choosing one by name. */
@NullMarked
package org.djlnas.api.engine;

import org.jspecify.annotations.NullMarked;
