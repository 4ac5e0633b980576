/**
 * Training evaluators: scoring an architecture by training its compiled network with a DJL {@link
 * ai.djl.training.Trainer} and validating it on held-out data.
 *
 * <p>{@link org.djlnas.runtime.training.TrainingEvaluator} coordinates one trial; {@link
 * org.djlnas.runtime.training.TrainingRecipe} configures DJL's training and {@link
 * org.djlnas.runtime.training.TrainingLoop} runs the steps, for trials, retraining and the engine
 * benchmark alike. Measuring, batch-norm recalibration, continuing from a checkpoint and failing a
 * trial that runs out of memory each have a class of their own in this package.
 */
@NullMarked
package org.djlnas.runtime.training;

import org.jspecify.annotations.NullMarked;
