/** The embedded SQLite experiment store. */
@NullMarked
package org.djlnas.runtime.store;

import org.jspecify.annotations.NullMarked;
