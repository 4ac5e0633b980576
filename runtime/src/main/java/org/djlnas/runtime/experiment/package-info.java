/** The experiment loop, the local executor, seeds and progress events. */
@NullMarked
package org.djlnas.runtime.experiment;

import org.jspecify.annotations.NullMarked;
