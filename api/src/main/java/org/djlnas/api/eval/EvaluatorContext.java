package org.djlnas.api.eval;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SpaceCatalog;

/**
 * Everything an evaluator is created from.
 *
 * @param space the space whose architectures it scores
 * @param settings its resolved settings
 * @param seed the experiment's seed (a trial's own seed comes with each {@code TrialSpec})
 * @param engine the DJL engine to train on, when the experiment trains
 * @param folder the experiment folder, where the evaluator may keep files (weights, checkpoints)
 * @param data the data set the experiment names, opened (nothing read yet), if any
 * @param benchmarkTables the built-in tabular benchmarks, by id
 * @param engines the engines of the program's plug-in registry, for what an engine declares
 * @param spaces the spaces of the program's plug-in registry, for networks of other spaces (a
 *     teacher's)
 */
public record EvaluatorContext(
        SearchSpace space,
        Settings settings,
        long seed,
        Optional<String> engine,
        Path folder,
        Optional<DataSource> data,
        Map<String, BenchmarkTableProvider> benchmarkTables,
        EngineSelector engines,
        SpaceCatalog spaces) {

    /** Copies the tables. */
    public EvaluatorContext {
        benchmarkTables = Map.copyOf(benchmarkTables);
    }

    /**
     * Creates a context without the registry's spaces.
     *
     * @param space the space whose architectures it scores
     * @param settings its resolved settings
     * @param seed the experiment's seed
     * @param engine the DJL engine to train on, when the experiment trains
     * @param folder the experiment folder
     * @param data the data set the experiment names, opened (nothing read yet), if any
     * @param benchmarkTables the built-in tabular benchmarks, by id
     * @param engines the engines of the program's plug-in registry
     */
    public EvaluatorContext(
            SearchSpace space,
            Settings settings,
            long seed,
            Optional<String> engine,
            Path folder,
            Optional<DataSource> data,
            Map<String, BenchmarkTableProvider> benchmarkTables,
            EngineSelector engines) {
        this(
                space,
                settings,
                seed,
                engine,
                folder,
                data,
                benchmarkTables,
                engines,
                SpaceCatalog.none());
    }

    /**
     * Creates a context without built-in tabular benchmarks and engine modules.
     *
     * @param space the space whose architectures it scores
     * @param settings its resolved settings
     * @param seed the experiment's seed
     * @param engine the DJL engine to train on, when the experiment trains
     * @param folder the experiment folder
     * @param data the data set the experiment names, opened (nothing read yet), if any
     */
    public EvaluatorContext(
            SearchSpace space,
            Settings settings,
            long seed,
            Optional<String> engine,
            Path folder,
            Optional<DataSource> data) {
        this(
                space,
                settings,
                seed,
                engine,
                folder,
                data,
                Map.of(),
                EngineSelector.none(),
                SpaceCatalog.none());
    }
}
