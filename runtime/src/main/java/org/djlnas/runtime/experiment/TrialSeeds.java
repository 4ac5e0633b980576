package org.djlnas.runtime.experiment;

import java.util.SplittableRandom;

/**
 * Derives every seed of an experiment from its one seed, so the same seed gives the same strategy
 * and the same trial seeds on every run, resumed or not.
 */
public final class TrialSeeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private TrialSeeds() {}

    /**
     * Returns the strategy's seed.
     *
     * @param experimentSeed the experiment's seed
     * @return the strategy's seed
     */
    public static long strategy(long experimentSeed) {
        return derive(experimentSeed, 0);
    }

    /**
     * Returns a trial's seed.
     *
     * @param experimentSeed the experiment's seed
     * @param trial the trial's number, from 1
     * @return the trial's seed
     */
    public static long trial(long experimentSeed, int trial) {
        return derive(experimentSeed, trial);
    }

    /**
     * Returns the seed of the prefilter's candidates (a stream apart from the strategy's and the
     * trials').
     *
     * @param experimentSeed the experiment's seed
     * @return the prefilter's seed
     */
    public static long prefilter(long experimentSeed) {
        return derive(experimentSeed, -2);
    }

    private static long derive(long seed, long stream) {
        return new SplittableRandom(seed + GOLDEN_GAMMA * (stream + 1)).nextLong();
    }
}
