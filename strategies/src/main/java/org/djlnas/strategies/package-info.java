/**
 * The ready multi-trial strategies: {@code random}, {@code grid} and {@code regularized-evolution},
 * each contributed by a {@link org.djlnas.api.strategy.StrategyProvider}.
 *
 * <p>Every strategy owns a {@link java.util.SplittableRandom} seeded with the context's seed and
 * nothing else stochastic, so its proposals are a function of its seed, its settings and the
 * outcomes told so far, as the experiment's replay on resume requires.
 */
@NullMarked
package org.djlnas.strategies;

import org.jspecify.annotations.NullMarked;
