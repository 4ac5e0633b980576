/**
 * The {@code gp-bo} strategy: Bayesian optimisation with a Gaussian process over architectures, in
 * the spirit of NASBOT (Kandasamy et al. 2018). The kernel is an exponential kernel on a
 * Hamming-type distance over the choice tree's labels ({@link ChoiceDistance}), which is positive
 * semi-definite on any space of the choice-tree DSL; expected improvement is maximised over
 * uniformly drawn architectures and mutations of the best ones; pending proposals are conditioned
 * on with their predicted mean (kriging believer), so {@code parallel} asks differ.
 *
 * <p>The strategy owns seeded {@link java.util.SplittableRandom}s and nothing else stochastic, and
 * never lets the iteration order of a hash-based collection decide anything, so its proposals are a
 * function of its seed, its settings and the outcomes told so far, as the replay on resume needs.
 */
@NullMarked
package org.djlnas.strategies.gp;

import org.jspecify.annotations.NullMarked;
