/**
 * Training evaluators: scoring an architecture by training its compiled network with a DJL {@link
 * ai.djl.training.Trainer} and validating it on held-out data.
 */
@NullMarked
package org.djlnas.runtime.training;

import org.jspecify.annotations.NullMarked;
