package org.djlnas.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.search.ExperimentConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor on a Spark context a program hands in ({@code local[2]}): reports and cancelling.
 */
class SparkTrialExecutorTest {

    private static SparkContext spark;

    @TempDir Path folder;

    @BeforeAll
    static void start() {
        spark =
                new SparkContext(
                        new SparkConf()
                                .setMaster("local[2]")
                                .setAppName("SparkTrialExecutorTest")
                                .set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private String config() {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .setStrategy("random")
                .optEvaluator(TestEvaluators.ID)
                .build()
                .toJson();
    }

    private static TrialSpec trial(int number) {
        return new TrialSpec(number, Architecture.of(Map.of()), new Budget(1, 0), 7);
    }

    private static final TrialReporter NO_REPORTS =
            new TrialReporter() {
                @Override
                public void report(double value, int step) {}

                @Override
                public boolean shouldStop() {
                    return false;
                }
            };

    /** The driver's evaluator is not used: the task builds its own. */
    private static final Evaluator UNUSED = null;

    @Test
    void reportsMadeInTheTaskReachTheDriversReporterWithTheResult() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        TrialReporter reporter =
                new TrialReporter() {
                    @Override
                    public void report(double value, int step) {
                        heard.add(step + ":" + value);
                    }

                    @Override
                    public boolean shouldStop() {
                        return false;
                    }
                };
        try (SparkTrialExecutor executor = new SparkTrialExecutor(spark, 2, config(), folder)) {
            TrialResult result =
                    executor.submit(trial(1), UNUSED, reporter).get(60, TimeUnit.SECONDS);

            assertThat(result.state()).isEqualTo(TrialState.DONE);
            assertThat(result.metrics()).isEqualTo(Map.of("score", 0.7));
        }
        assertThat(heard).containsExactly("1:0.5", "2:0.7");
        assertThat(spark.isStopped()).as("a context handed in stays up").isFalse();
    }

    @Test
    void closingCancelsTheRunningTrialsJob() throws Exception {
        SparkTrialExecutor executor = new SparkTrialExecutor(spark, 1, config(), folder);
        CompletableFuture<TrialResult> waiting =
                executor.submit(trial(TestEvaluators.WAITING_TRIAL), UNUSED, NO_REPORTS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (spark.statusTracker().getJobIdsForGroup(executor.jobGroup()).length == 0
                || spark.statusTracker().getActiveJobIds().length == 0) {
            assertThat(System.nanoTime()).as("the trial's job started").isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(500); // the task is in the evaluator

        executor.close();

        TrialResult result = waiting.get(30, TimeUnit.SECONDS);
        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.error())
                .isEqualTo("Spark could not run the trial: the search was stopped");
        assertThat(TestEvaluators.INTERRUPTED.await(30, TimeUnit.SECONDS))
                .as("the task was interrupted")
                .isTrue();
        assertThat(spark.statusTracker().getActiveJobIds()).isEmpty();
    }
}
