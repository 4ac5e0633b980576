package org.djlnas.runtime.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.exec.ExecutorRequest;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.exec.TrialExecutorProvider;
import org.djlnas.api.plugin.Discovery;

/**
 * Finds the {@value ExperimentConfig#SPARK} executor on the class path (the djl-nas-spark module's
 * {@link TrialExecutorProvider}), so that neither the runtime nor the command line depends on Spark
 * at compile time.
 */
final class SparkExecutorLookup {

    private SparkExecutorLookup() {}

    /**
     * Checks, before anything is written, that the Spark executor is there, that the search can run
     * on it, and that its master answers.
     */
    static void check(ExperimentConfig config) {
        if (!config.pruner().equals(SearchSetup.NO_PRUNER)) {
            throw new IllegalArgumentException(
                    "`pruner` is "
                            + config.pruner()
                            + ", but `executor` is spark, whose trials report only when they end;"
                            + " expected none");
        }
        provider().check(request(config, Path.of(".")));
    }

    static TrialExecutor create(ExperimentConfig config, Path folder) {
        return provider().create(request(config, folder));
    }

    private static ExecutorRequest request(ExperimentConfig config, Path folder) {
        return new ExecutorRequest(
                config.parallel(),
                config.toJson(),
                folder,
                Optional.ofNullable(config.sparkMaster()));
    }

    private static TrialExecutorProvider provider() {
        List<TrialExecutorProvider> found =
                Discovery.byId(
                                "trial executor",
                                Discovery.load(TrialExecutorProvider.class),
                                TrialExecutorProvider::id)
                        .entrySet()
                        .stream()
                        .filter(entry -> entry.getKey().equals(ExperimentConfig.SPARK))
                        .map(java.util.Map.Entry::getValue)
                        .toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "`executor` is spark, but the djl-nas-spark module is not on the class path"
                            + " (docs/spark.md)");
        }
        return found.get(0);
    }
}
