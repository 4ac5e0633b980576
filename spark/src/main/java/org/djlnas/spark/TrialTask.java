package org.djlnas.spark;

import org.apache.spark.api.java.function.Function;

/**
 * The function a Spark task applies to a trial's spec (JSON) in an executor JVM, giving its outcome
 * (JSON). It carries the experiment's configuration and folder, from which the executor JVM builds
 * its evaluator once.
 */
final class TrialTask implements Function<String, String> {

    private static final long serialVersionUID = 1L;

    private final String configJson;
    private final String folder;

    TrialTask(String configJson, String folder) {
        this.configJson = configJson;
        this.folder = folder;
    }

    @Override
    public String call(String specJson) throws InterruptedException {
        return ExecutorSide.run(configJson, folder, specJson);
    }
}
