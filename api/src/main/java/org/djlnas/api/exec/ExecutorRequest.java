package org.djlnas.api.exec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link TrialExecutorProvider} makes an executor for.
 *
 * @param parallelism how many trials may run at once, at least 1
 * @param configJson the experiment's configuration as journaled, from which an executor that runs
 *     trials in other JVMs rebuilds the evaluator there
 * @param folder the experiment folder (trials keep their trained weights under it)
 * @param master the address of the cluster the trials run on, if the executor uses one (for Spark,
 *     the master URL; empty: the executor's own default)
 */
public record ExecutorRequest(
        int parallelism, String configJson, Path folder, Optional<String> master) {

    /** Checks the parallelism. */
    public ExecutorRequest {
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "`parallel` is " + parallelism + "; expected at least 1");
        }
    }
}
