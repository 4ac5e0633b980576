package org.djlnas.strategies.oneshot;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * GDAS's passes: every forward pass of an epoch, the weight step's, the architecture step's and the
 * measuring ones, computes a path drawn by a {@link GumbelSampler} at the epoch's temperature. The
 * noise of each epoch comes from its own generator, a function of the seed and the epoch, so that a
 * search resumed after an epoch draws what one that never stopped draws.
 */
final class GdasMethod implements OneShotMethod {

    /** Sets the noise's generators apart from the other uses of the search's seed. */
    private static final long NOISE_STREAM = 0x6764_6173_6E6F_6973L;

    /** The name in logs and messages. */
    static final String NAME = "GDAS";

    /** The name of the journaled temperature metric. */
    static final String TEMPERATURE = "temperature";

    private final GdasSettings settings;
    private final long seed;

    GdasMethod(GdasSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Double> beginEpoch(Supernet supernet, int epoch, int epochs) {
        double temperature = settings.temperatureAt(epoch, epochs);
        supernet.samplePaths(new GumbelSampler(temperature, noise(seed, epoch)));
        return Map.of(TEMPERATURE, temperature);
    }

    /**
     * Returns the generator of an epoch's noise: the epoch-th split of the seed's noise stream.
     *
     * @param seed the search's seed
     * @param epoch the epoch, counting from 1
     * @return the generator
     */
    static SplittableRandom noise(long seed, int epoch) {
        SplittableRandom streams = new SplittableRandom(seed ^ NOISE_STREAM);
        SplittableRandom generator = streams.split();
        for (int i = 1; i < epoch; i++) {
            generator = streams.split();
        }
        return generator;
    }
}
