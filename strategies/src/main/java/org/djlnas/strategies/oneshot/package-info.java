/**
 * One-shot strategies and what they share: the supernet on one engine, the optimizers with
 * checkpointable state, the checkpoints and DARTS's bilevel step and collapse guard; GDAS (a {@code
 * OneShotMethod} on DARTS's epochs); ENAS, which trains the supernet's single paths with the {@code
 * reinforce} package's LSTM controller; and SPOS, with its path scoring after batch-norm
 * recalibration and its evolution on inherited weights.
 */
@NullMarked
package org.djlnas.strategies.oneshot;

import org.jspecify.annotations.NullMarked;
