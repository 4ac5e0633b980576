package org.djlnas.api.trial;

import java.util.OptionalInt;
import org.djlnas.api.arch.Architecture;

/**
 * One trial to run: plain data, so it can be journaled and sent to another process.
 *
 * @param number the trial's number in its experiment, from 1, in the order it was proposed
 * @param architecture the architecture to evaluate
 * @param budget how much to train it in total
 * @param seed the trial's own seed, derived from the experiment's seed and the number (a continuing
 *     trial keeps the seed of the trial it continues, so its data order goes on)
 * @param continues the number of the earlier trial whose training this one continues, if any
 */
public record TrialSpec(
        int number, Architecture architecture, Budget budget, long seed, OptionalInt continues) {

    /**
     * Describes a trial that starts from scratch.
     *
     * @param number the trial's number
     * @param architecture the architecture
     * @param budget the budget
     * @param seed the trial's seed
     */
    public TrialSpec(int number, Architecture architecture, Budget budget, long seed) {
        this(number, architecture, budget, seed, OptionalInt.empty());
    }
}
