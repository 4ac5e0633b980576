/**
 * One-shot strategies and what they share: the supernet on one engine, the optimizers with
 * checkpointable state, the checkpoints and DARTS's bilevel step and collapse guard; SPOS's path
 * scoring with batch-norm recalibration and its evolution on inherited weights.
 */
@NullMarked
package org.djlnas.strategies.oneshot;

import org.jspecify.annotations.NullMarked;
