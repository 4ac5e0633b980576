/**
 * Multi-fidelity strategies: {@code hyperband} (Li et al. 2018) and {@code bohb} (Falkner et al.
 * 2018). Both run successive-halving brackets over epoch budgets and continue the best trials of
 * each rung to the next budget; {@code bohb} draws new configurations from a density-ratio model of
 * the results instead of uniformly.
 *
 * <p>Each strategy owns seeded {@link java.util.SplittableRandom}s and nothing else stochastic, and
 * never lets the iteration order of a hash-based collection decide anything, so its proposals are a
 * function of its seed, its settings and the outcomes told so far, as the replay on resume needs.
 */
@NullMarked
package org.djlnas.strategies.hyperband;

import org.jspecify.annotations.NullMarked;
