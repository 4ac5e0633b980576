package org.djlnas.strategies;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code nsga2} strategy (Deb et al. 2002): generations bred by binary tournaments on
 * non-domination rank and crowding distance, uniform crossover and one-choice mutation, and elitist
 * survival by non-dominated sorting of all the objectives' scores. With one objective it is a
 * generational genetic algorithm.
 *
 * <p>Settings: {@code population}, the trials of each generation and the survivors kept from one
 * generation to the next (default 10, at least 2), and {@code crossover-probability}, the
 * probability that a child is a crossover of two parents rather than a mutated copy of one (default
 * 0.9, at most 1). The defaults are the best of a sweep over populations 10 and 20 and crossover
 * probabilities 0, 0.5 and 0.9 at 100 trials on the NAS-Bench-201 table with (accuracy, parameters)
 * ({@code Nsga2Benchmark} in the runtime's tests); longer searches may want larger populations.
 * {@code crossover} says what a crossover mixes: {@code uniform} (the default) each choice from
 * either parent, {@code cell} each cell, and {@code none} never crosses (as probability 0).
 */
public final class Nsga2Provider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "nsga2";

    /** The name of the population setting. */
    public static final String POPULATION = "population";

    /** The name of the crossover setting: {@code uniform}, {@code cell} or {@code none}. */
    public static final String CROSSOVER = CrossoverSetting.NAME;

    /** The name of the crossover-probability setting. */
    public static final String CROSSOVER_PROBABILITY = "crossover-probability";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "NSGA-II: Pareto ranking, crowding distance, crossover and mutation, in generations";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(
                        POPULATION,
                        10,
                        2,
                        "trials per generation, and the survivors kept for the next"),
                SettingSpec.number(
                        CROSSOVER_PROBABILITY,
                        0.9,
                        0,
                        "probability that a child crosses two parents (else it copies one);"
                                + " every child then has one choice mutated"),
                CrossoverSetting.spec("uniform"));
    }

    /** NSGA-II ranks trials on every objective: it is made for several. */
    @Override
    public boolean multiObjective() {
        return true;
    }

    @Override
    public Strategy create(StrategyContext context) {
        Settings settings = context.settings();
        double crossover = settings.getDouble(CROSSOVER_PROBABILITY);
        if (crossover > 1) {
            throw new IllegalArgumentException(
                    "setting '"
                            + CROSSOVER_PROBABILITY
                            + "' of strategy '"
                            + ID
                            + "' is "
                            + crossover
                            + "; expected a probability, at most 1");
        }
        return new Nsga2(
                context,
                settings.getInt(POPULATION),
                CrossoverSetting.parse(settings.getString(CROSSOVER), ID)
                        .map(unit -> new UniformCrossover(context.space(), unit)),
                crossover);
    }

    /** Its first population starts with the best trials of earlier experiments. */
    @Override
    public boolean warmStarts() {
        return true;
    }
}
