package org.djlnas.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Fashion-MNIST searches on a Spark {@code local-cluster[2,1,1024]}: a master and two workers
 * in this JVM, each worker launching one executor JVM of one core, which trains one trial at a time
 * with the natives from the test class path. The context is the test's own, handed to the search as
 * a Java program would.
 */
@Tag("integration")
class SparkClusterTest {

    private static final Plugins PLUGINS = Plugins.discover();
    private static final String EXECUTOR_MAIN = "CoarseGrainedExecutorBackend";

    private static SparkContext spark;
    private static final Recorder TASKS = new Recorder();

    @TempDir Path folder;

    @BeforeAll
    static void startCluster() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.resolveDirectory(Optional.empty()));
        // Spark's launcher wants SPARK_HOME (set by the pom) to hold a jars/ folder; the
        // executors get the test class path instead of its jars.
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        String classPath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        SparkConf conf =
                SparkTrialExecutor.withNasDefaults(
                        new SparkConf()
                                .setMaster("local-cluster[2,1,1024]")
                                .setAppName("djl-nas SparkClusterTest")
                                .set("spark.executor.extraClassPath", classPath)
                                .set("spark.executor.extraJavaOptions", "-XX:+UseSerialGC")
                                .set("spark.task.maxFailures", "3")
                                .set("spark.ui.enabled", "false"));
        spark = new SparkContext(conf);
        spark.addSparkListener(TASKS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (spark.statusTracker().getExecutorInfos().length < 3) { // the driver and two
            assertThat(System.nanoTime()).as("two executors registered").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static ExperimentConfig fashionMnist(int trials) {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .optSpaceSettings(Map.of("channels", "8", "cells", "1", "input-channels", "1"))
                .setStrategy("random")
                .optDataset("fashion-mnist")
                .optEngine(TestEngine.name())
                .optSeed(11)
                .optTrials(trials)
                .optParallel(2)
                .optEpochs(1)
                .optMaxTrainExamples(500)
                .optExecutor(ExperimentConfig.SPARK)
                .build();
    }

    private static List<TrialRecord> journal(Path out) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(out)) {
            return store.trials();
        }
    }

    @Test
    void aFashionMnistSearchTrainsItsTrialsInTheExecutorJvms() throws Exception {
        TASKS.clear();
        Path out = folder.resolve("search");
        String metric;
        try (SearchSession session = SearchSession.create(out, fashionMnist(3), PLUGINS)) {
            metric = session.objective().metric();
            session.run(List.of());
        }

        List<TrialRecord> trials = journal(out);
        assertThat(trials).extracting(TrialRecord::number).containsExactly(1, 2, 3);
        assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.DONE));
        // Trained, not guessed: ten classes give 0.1 by chance.
        assertThat(trials.stream().mapToDouble(t -> t.metrics().get(metric)).max().orElseThrow())
                .isGreaterThan(0.2);
        // Two executor JVMs (their ids grow when one is replaced), never the driver.
        assertThat(TASKS.executors).hasSize(2).doesNotContain("driver");
        try (SqliteExperimentStore store = SqliteExperimentStore.open(out)) {
            assertThat(store.reports()).hasSize(3); // one epoch each, sent back with the result
        }
    }

    @Test
    void anExecutorKilledMidTrialCostsNoTrialAndDoublesNone() throws Exception {
        TASKS.clear();
        Path out = folder.resolve("killed");
        CompletableFuture<Void> search =
                CompletableFuture.runAsync(
                        () -> {
                            try (SearchSession session =
                                    SearchSession.create(out, fashionMnist(3), PLUGINS)) {
                                session.run(List.of());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        String victim = TASKS.firstStarted(search, Duration.ofSeconds(60));
        Thread.sleep(1500); // the task is building its evaluator or training by now
        ProcessHandle executor =
                ProcessHandle.current()
                        .descendants()
                        .filter(p -> isExecutor(p, victim))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no JVM for executor " + victim));
        assertThat(executor.destroyForcibly()).isTrue(); // SIGKILL
        search.get(300, TimeUnit.SECONDS); // generous: the machine may be shared

        List<TrialRecord> trials = journal(out);
        assertThat(trials).extracting(TrialRecord::number).containsExactly(1, 2, 3);
        assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.DONE));
        assertThat(TASKS.failedAttempts.get())
                .as("task attempts lost with the executor")
                .isEqualTo(1);
    }

    /** Reads the process's command line from /proc (ProcessHandle.Info drops long ones). */
    private static boolean isExecutor(ProcessHandle process, String executorId) {
        List<String> arguments;
        try {
            arguments =
                    List.of(
                            new String(
                                            Files.readAllBytes(
                                                    Path.of(
                                                            "/proc",
                                                            String.valueOf(process.pid()),
                                                            "cmdline")),
                                            StandardCharsets.UTF_8)
                                    .split("\u0000"));
        } catch (IOException e) {
            return false; // gone already
        }
        int id = arguments.indexOf("--executor-id");
        return arguments.stream().anyMatch(argument -> argument.endsWith(EXECUTOR_MAIN))
                && id >= 0
                && id + 1 < arguments.size()
                && arguments.get(id + 1).equals(executorId);
    }

    /** Which executors ran tasks, and how many task attempts failed. */
    private static final class Recorder extends SparkListener {

        final Set<String> executors = ConcurrentHashMap.newKeySet();
        final List<String> started = new CopyOnWriteArrayList<>();
        final AtomicInteger failedAttempts = new AtomicInteger();

        void clear() {
            executors.clear();
            started.clear();
            failedAttempts.set(0);
        }

        String firstStarted(CompletableFuture<?> search, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (started.isEmpty()) {
                if (search.isDone()) {
                    search.get(); // throws what stopped it
                }
                assertThat(System.nanoTime()).as("a task started").isLessThan(deadline);
                Thread.sleep(50);
            }
            return started.get(0);
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
            started.add(taskStart.taskInfo().executorId());
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            executors.add(taskEnd.taskInfo().executorId());
            if (taskEnd.taskInfo().failed()) {
                failedAttempts.incrementAndGet();
            }
        }
    }
}
