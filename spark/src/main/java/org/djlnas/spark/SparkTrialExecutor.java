package org.djlnas.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * Runs each trial as one Spark job of one task. The task rebuilds the experiment's evaluator in its
 * executor JVM from the journaled configuration and evaluates the trial there; the result and the
 * objectives reported on the way come back to the driver, whose loop alone journals them. An
 * executor lost mid-trial makes Spark run the task again ({@code spark.task.maxFailures}), and only
 * the attempt that finishes is returned, so a trial is neither lost nor journaled twice; a job that
 * fails for good ends its trial as failed with Spark's reason.
 *
 * <p>All jobs of one executor share a job group, which {@link #close()} cancels: stopping the
 * search stops its running trials on the cluster. The evaluator handed to {@link #submit} is not
 * used (it lives in the driver); pruning has no effect, since a Spark task reports only when it
 * ends.
 */
public final class SparkTrialExecutor implements TrialExecutor {

    private final JavaSparkContext spark;
    private final boolean ownsContext;
    private final int parallelism;
    private final TrialTask task;
    private final String jobGroup = "djl-nas-" + UUID.randomUUID();
    private final ExecutorService drivers;
    private volatile boolean closed;

    /**
     * Creates an executor on a running Spark context (a Java program's own), which {@link #close()}
     * leaves running.
     *
     * @param context the Spark context
     * @param parallelism how many trials may run at once, at least 1
     * @param configJson the experiment's configuration as journaled
     * @param folder the experiment folder, at a path the executors see
     */
    public SparkTrialExecutor(
            SparkContext context, int parallelism, String configJson, Path folder) {
        this(context, false, parallelism, configJson, folder);
    }

    SparkTrialExecutor(
            SparkContext context,
            boolean ownsContext,
            int parallelism,
            String configJson,
            Path folder) {
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "`parallel` is " + parallelism + "; expected at least 1");
        }
        this.spark = JavaSparkContext.fromSparkContext(context);
        this.ownsContext = ownsContext;
        this.parallelism = parallelism;
        this.task = new TrialTask(configJson, folder.toAbsolutePath().toString());
        AtomicInteger threads = new AtomicInteger();
        this.drivers =
                Executors.newFixedThreadPool(
                        parallelism,
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            "nas-spark-trial-" + threads.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /**
     * Adds to a Spark configuration, where they are not set, what trials need: one trial per
     * executor ({@code spark.task.cpus} = {@code spark.executor.cores}, 1 if unset) and, for the
     * executors, the environment the {@code nas} launcher gives the driver (offline DJL, no
     * telemetry, OpenMP threads = the task's cores, oneDNN's SSE4.1 kernels, glibc's malloc
     * thresholds). A Java program that starts its own Spark context for a search calls this on its
     * configuration first.
     *
     * @param conf the configuration, changed in place
     * @return the configuration
     */
    public static SparkConf withNasDefaults(SparkConf conf) {
        return SparkSettings.withDefaults(conf);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /**
     * Returns the Spark job group of this executor's trials.
     *
     * @return the job group id
     */
    public String jobGroup() {
        return jobGroup;
    }

    @Override
    public CompletableFuture<TrialResult> submit(
            TrialSpec trial, Evaluator evaluator, TrialReporter reporter) {
        return CompletableFuture.supplyAsync(() -> run(trial, reporter), drivers);
    }

    private TrialResult run(TrialSpec trial, TrialReporter reporter) {
        Instant started = Instant.now();
        TrialOutcome outcome;
        try {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            spark.setJobGroup(jobGroup, "djl-nas trial " + trial.number(), true);
            List<String> returned =
                    spark.parallelize(List.of(TrialCodec.spec(trial)), 1).map(task).collect();
            outcome = TrialCodec.outcome(returned.get(0));
        } catch (Exception e) { // Spark also throws InterruptedException unchecked
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String reason = closed ? "the search was stopped" : firstLine(e.getMessage());
            return new TrialResult(
                    TrialState.FAILED,
                    Map.of(),
                    "Spark could not run the trial: " + reason,
                    started,
                    Instant.now());
        }
        for (TrialOutcome.Report report : outcome.reports()) {
            reporter.report(report.value(), report.step());
        }
        return outcome.result();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * Cancels this executor's trials, running and to come (each then ends as failed), and stops the
     * Spark context if it made it.
     */
    @Override
    public void close() {
        closed = true;
        try {
            if (!spark.sc().isStopped()) {
                spark.sc().cancelJobGroupAndFutureJobs(jobGroup, "the search was stopped");
            }
        } finally {
            drivers.shutdown(); // its threads end as their cancelled jobs return
            if (ownsContext) {
                spark.stop();
            }
        }
    }
}
