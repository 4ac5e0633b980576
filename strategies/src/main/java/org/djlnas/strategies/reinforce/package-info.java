/**
 * The {@code reinforce} strategy: a policy over every choice of the space, trained by policy
 * gradient against a moving-average baseline of the trial rewards: PPO's clipped surrogate over
 * batches ({@code Ppo}, the default) or REINFORCE (Williams 1992), as the NAS-Bench-201 authors'
 * REINFORCE baseline. Two controllers: independent logits per choice, exact in double precision on
 * the host, and an autoregressive LSTM controller in the spirit of Zoph &amp; Le and ENAS, built
 * with DJL on the chosen engine.
 *
 * <p>Everything random is drawn from one {@link java.util.SplittableRandom} seeded with the
 * context's seed, on the host, so proposals are a function of the seed, the settings and the
 * outcomes told so far, as the experiment's replay on resume requires.
 */
@NullMarked
package org.djlnas.strategies.reinforce;

import org.jspecify.annotations.NullMarked;
