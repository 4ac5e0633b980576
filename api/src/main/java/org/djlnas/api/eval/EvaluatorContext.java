package org.djlnas.api.eval;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;

/**
 * Everything an evaluator is created from.
 *
 * @param space the space whose architectures it scores
 * @param settings its resolved settings
 * @param seed the experiment's seed (a trial's own seed comes with each {@code TrialSpec})
 * @param engine the DJL engine to train on, when the experiment trains
 * @param folder the experiment folder, where the evaluator may keep files (weights, checkpoints)
 * @param dataset the data set id or folder the experiment names, if any
 * @param benchmarkTables the built-in tabular benchmarks, by id
 * @param engines the engines of the program's plug-in registry, for what an engine declares
 */
public record EvaluatorContext(
        SearchSpace space,
        Settings settings,
        long seed,
        Optional<String> engine,
        Path folder,
        Optional<String> dataset,
        Map<String, BenchmarkTableProvider> benchmarkTables,
        EngineSelector engines) {

    /** Copies the tables. */
    public EvaluatorContext {
        benchmarkTables = Map.copyOf(benchmarkTables);
    }

    /**
     * Creates a context without built-in tabular benchmarks and engine modules.
     *
     * @param space the space whose architectures it scores
     * @param settings its resolved settings
     * @param seed the experiment's seed
     * @param engine the DJL engine to train on, when the experiment trains
     * @param folder the experiment folder
     * @param dataset the data set id or folder the experiment names, if any
     */
    public EvaluatorContext(
            SearchSpace space,
            Settings settings,
            long seed,
            Optional<String> engine,
            Path folder,
            Optional<String> dataset) {
        this(space, settings, seed, engine, folder, dataset, Map.of(), EngineSelector.none());
    }
}
