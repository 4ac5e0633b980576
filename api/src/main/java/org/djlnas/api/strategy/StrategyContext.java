package org.djlnas.api.strategy;

import java.util.List;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.Budget;

/**
 * Everything a strategy is created from.
 *
 * <p>A strategy's proposals must not depend on {@code maxTrials}: a resumed search may run more or
 * fewer trials than it was created with, and replays its journal through a strategy created with
 * the new number, so the first proposals must be the same whatever the total.
 *
 * @param space the space to search
 * @param settings the strategy's resolved settings
 * @param seed the strategy's seed
 * @param maxTrials how many trials the experiment will run at most
 * @param budget the budget of a full trial
 * @param engine the DJL engine the experiment trains on, for strategies that compute with one (a
 *     learned controller); empty when the experiment names none (a tabular benchmark)
 * @param engines the engines of the program's plug-in registry, to load the named engine (or the
 *     default one) from
 * @param priors trials of earlier experiments to start from, best first (a warm start); empty
 *     unless the strategy's provider {@linkplain StrategyProvider#warmStarts() warm-starts}
 */
public record StrategyContext(
        SearchSpace space,
        Settings settings,
        long seed,
        int maxTrials,
        Budget budget,
        Optional<String> engine,
        EngineSelector engines,
        List<PriorTrial> priors) {

    /** Copies the priors. */
    public StrategyContext {
        priors = List.copyOf(priors);
    }

    /**
     * Creates a context without priors.
     *
     * @param space the space to search
     * @param settings the strategy's resolved settings
     * @param seed the strategy's seed
     * @param maxTrials how many trials the experiment will run at most
     * @param budget the budget of a full trial
     * @param engine the DJL engine the experiment trains on, if it names one
     * @param engines the engines of the program's plug-in registry
     */
    public StrategyContext(
            SearchSpace space,
            Settings settings,
            long seed,
            int maxTrials,
            Budget budget,
            Optional<String> engine,
            EngineSelector engines) {
        this(space, settings, seed, maxTrials, budget, engine, engines, List.of());
    }

    /**
     * Creates a context that names no engine and knows no engines.
     *
     * @param space the space to search
     * @param settings the strategy's resolved settings
     * @param seed the strategy's seed
     * @param maxTrials how many trials the experiment will run at most
     * @param budget the budget of a full trial
     */
    public StrategyContext(
            SearchSpace space, Settings settings, long seed, int maxTrials, Budget budget) {
        this(space, settings, seed, maxTrials, budget, Optional.empty(), EngineSelector.none());
    }

    /**
     * Returns the architectures of the prior trials, best first.
     *
     * @return the architectures
     */
    public List<Architecture> priorArchitectures() {
        return priors.stream().map(PriorTrial::architecture).toList();
    }
}
