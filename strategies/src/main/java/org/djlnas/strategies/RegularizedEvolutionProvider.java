package org.djlnas.strategies;

import java.util.List;
import java.util.Optional;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code regularized-evolution} strategy (Real et al. 2019): tournament selection
 * over an ageing population, one-choice mutations, no architecture proposed twice.
 *
 * <p>Settings: {@code population}, the number of recent results that can be chosen as parents, and
 * {@code sample-size}, the number of members drawn for each tournament. Both default to 0, which
 * means "grown with the search": after {@code k} asks the population is {@code clamp(round(k / 10),
 * 10, 100)} (but at least an explicit sample size) and the sample size {@code clamp(population / 2,
 * 2, 25)}, at most the population. From 1,000 trials on these are the paper's 100 and 25; in the
 * first 100 trials a small population under strong selection found better architectures on
 * NAS-Bench-201 (see {@code NasBench201StrategyBenchmark} in the tests). They depend on the asks so
 * far and never on the trial budget, so the first proposals are the same whatever the number of
 * trials, and a resumed search can run longer than first planned. {@link #create} rejects an
 * explicit sample size larger than an explicit population.
 *
 * <p>{@code crossover} ({@code none}, the default, {@code uniform} or {@code cell}) lets a child
 * cross the winners of two tournaments, with probability {@code crossover-rate} (default 0.5); see
 * {@link RegularizedEvolution}.
 */
public final class RegularizedEvolutionProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "regularized-evolution";

    /** The name of the population setting. */
    public static final String POPULATION = "population";

    /** The name of the sample-size setting. */
    public static final String SAMPLE_SIZE = "sample-size";

    /** The name of the crossover setting: {@code none}, {@code uniform} or {@code cell}. */
    public static final String CROSSOVER = CrossoverSetting.NAME;

    /** The name of the crossover-rate setting. */
    public static final String CROSSOVER_RATE = "crossover-rate";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "regularized (ageing) evolution: tournament selection and one-choice mutations";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(
                        POPULATION,
                        0,
                        0,
                        "results kept as possible parents; the oldest leaves first (0: grows with"
                                + " the trials asked, 10 to 100)"),
                SettingSpec.integer(
                        SAMPLE_SIZE,
                        0,
                        0,
                        "population members drawn for each tournament (0: scaled to the"
                                + " population)"),
                CrossoverSetting.spec("none"),
                SettingSpec.number(
                        CROSSOVER_RATE,
                        0.5,
                        0,
                        "with crossover: probability that a child crosses two tournament"
                                + " winners (else it mutates one), at most 1"));
    }

    @Override
    public Strategy create(StrategyContext context) {
        Settings settings = context.settings();
        int sampleSize = settings.getInt(SAMPLE_SIZE);
        int population = settings.getInt(POPULATION);
        if (population > 0 && sampleSize > population) {
            throw new IllegalArgumentException(
                    "setting '"
                            + SAMPLE_SIZE
                            + "' of strategy '"
                            + ID
                            + "' is "
                            + sampleSize
                            + "; expected at most the population ("
                            + population
                            + ")");
        }
        Optional<UniformCrossover.Unit> crossover =
                CrossoverSetting.parse(settings.getString(CROSSOVER), ID);
        double rate = settings.getDouble(CROSSOVER_RATE);
        if (rate > 1) {
            throw new IllegalArgumentException(
                    "setting '"
                            + CROSSOVER_RATE
                            + "' of strategy '"
                            + ID
                            + "' is "
                            + rate
                            + "; expected a probability, at most 1");
        }
        return new RegularizedEvolution(context, population, sampleSize, crossover, rate);
    }

    static int autoPopulation(int asked) {
        return clamp(Math.round(asked / 10.0f), 10, 100);
    }

    static int autoSampleSize(int population) {
        return clamp(population / 2, 2, 25);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Its first population starts with the best trials of earlier experiments. */
    @Override
    public boolean warmStarts() {
        return true;
    }
}
