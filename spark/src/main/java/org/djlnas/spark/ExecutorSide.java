package org.djlnas.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.TaskContext;
import org.djlnas.api.engine.EngineDefaults;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.experiment.LocalTrialExecutor;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSetup;
import org.jspecify.annotations.Nullable;

/**
 * What runs in an executor JVM: the plug-in registry and the evaluator, built once per experiment
 * from its journaled configuration as the driver built them, and one trial at a time evaluated on
 * the {@link LocalTrialExecutor}'s rules (a failing trial becomes a failed result).
 */
final class ExecutorSide {

    private static @Nullable String builtFor;
    private static @Nullable Evaluator evaluator;

    private ExecutorSide() {}

    /**
     * Evaluates one trial from JSON, in this JVM.
     *
     * @param configJson the experiment's configuration as journaled
     * @param folder the experiment folder
     * @param specJson the trial's spec
     * @return the outcome, as JSON
     * @throws InterruptedException if Spark cancels the task; the trial is interrupted too
     */
    static String run(String configJson, String folder, String specJson)
            throws InterruptedException {
        TrialSpec spec = TrialCodec.spec(specJson);
        Instant started = Instant.now();
        Evaluator built;
        try {
            built = evaluator(configJson, folder);
        } catch (RuntimeException e) {
            TrialResult failed =
                    new TrialResult(
                            TrialState.FAILED,
                            Map.of(),
                            "the executor on "
                                    + hostName()
                                    + " cannot build the evaluator: "
                                    + e.getMessage(),
                            started,
                            Instant.now());
            return TrialCodec.outcome(new TrialOutcome(failed, List.of()));
        }
        Recorder reporter = new Recorder();
        // Closing the local executor interrupts the trial when Spark interrupts this task.
        try (LocalTrialExecutor local = new LocalTrialExecutor(1)) {
            TrialResult result = local.submit(spec, built, reporter).get();
            return TrialCodec.outcome(new TrialOutcome(result, reporter.reports));
        } catch (ExecutionException e) {
            throw new IllegalStateException("the local executor failed", e.getCause());
        }
    }

    private static synchronized Evaluator evaluator(String configJson, String folder) {
        String key = configJson + '\n' + folder;
        if (evaluator == null || !key.equals(builtFor)) {
            engineDefaults();
            evaluator =
                    SearchSetup.evaluator(
                            ExperimentConfig.fromJson(configJson),
                            Plugins.discover(),
                            Path.of(folder));
            builtFor = key;
        }
        return evaluator;
    }

    /**
     * Sets, before an engine loads, what the nas launcher sets on the driver: offline, no
     * telemetry, and as many engine threads as the task has cores.
     */
    private static void engineDefaults() {
        EngineDefaults.offlineWithoutTelemetry();
        TaskContext task = TaskContext.get();
        int cores = task == null ? 1 : Math.max(1, task.cpus());
        EngineDefaults.setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(cores));
        EngineDefaults.setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static String hostName() {
        String host = System.getenv("SPARK_LOCAL_HOSTNAME");
        if (host != null) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "an unknown host";
        }
    }

    /** Keeps a trial's reports to send back with its result; it never asks to stop. */
    private static final class Recorder implements TrialReporter {

        private final List<TrialOutcome.Report> reports = new ArrayList<>();

        @Override
        public void report(double value, int step) {
            if (step < 1) {
                throw new IllegalArgumentException("step is " + step + "; expected at least 1");
            }
            reports.add(new TrialOutcome.Report(step, value));
        }

        @Override
        public boolean shouldStop() {
            return false;
        }
    }
}
