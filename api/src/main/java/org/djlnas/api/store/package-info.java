/** The experiment store SPI: the journal a search resumes from. */
@NullMarked
package org.djlnas.api.store;

import org.jspecify.annotations.NullMarked;
