/** Trials: what is run (spec, budget), where it is (state), and what the journal keeps. */
@NullMarked
package org.djlnas.api.trial;

import org.jspecify.annotations.NullMarked;
