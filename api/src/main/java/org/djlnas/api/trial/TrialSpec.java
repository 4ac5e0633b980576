package org.djlnas.api.trial;

import org.djlnas.api.arch.Architecture;

/**
 * One trial to run: plain data, so it can be journaled and sent to another process.
 *
 * @param number the trial's number in its experiment, from 1, in the order it was proposed
 * @param architecture the architecture to evaluate
 * @param budget how much to train it
 * @param seed the trial's own seed, derived from the experiment's seed and the number
 */
public record TrialSpec(int number, Architecture architecture, Budget budget, long seed) {}
