package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Fashion-MNIST searches whose trials run in worker processes ({@code --executor processes}):
 * they propose and score exactly what threads do with the same seed, and survive a worker killed
 * during a trial and a driver killed outright (its workers exit, and {@code --resume} completes).
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerProcessesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Regularized evolution with a population of 3 (5 trials unless told): trials 4 and 5 depend on
     * earlier outcomes.
     */
    private static final List<String> SEARCH =
            List.of(
                    "search",
                    "--space",
                    "nas-bench-201",
                    "--space-opt",
                    "channels=8",
                    "--space-opt",
                    "cells=1",
                    "--strategy",
                    "regularized-evolution",
                    "--strategy-opt",
                    "population=3",
                    "--strategy-opt",
                    "sample-size=2",
                    "--max-train-examples",
                    "384",
                    "--seed",
                    "4");

    @TempDir Path folder;

    private List<String> reference;

    @BeforeAll
    void searchWithProcesses(@TempDir Path shared) throws Exception {
        Path out = shared.resolve("processes");
        Process search = start(search(out, "--executor", "processes", "--parallel", "2"), shared);
        assertThat(search.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(search.exitValue()).as(() -> log(shared)).isZero();
        reference = trials(out);
        assertThat(reference).hasSize(5);
        assertThat(out.resolve("workers/worker-2.log")).exists();
    }

    @Test
    void workerProcessesGiveWhatThreadsGiveForTheSameSeed() throws Exception {
        Path out = folder.resolve("threads");
        Process search = start(search(out, "--executor", "threads", "--parallel", "2"), folder);
        assertThat(search.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(search.exitValue()).as(() -> log(folder)).isZero();
        assertThat(trials(out)).as("architectures and exact metrics").isEqualTo(reference);

        // One trial at a time is asked after more outcomes, so only the first population (drawn
        // at random, before any outcome) is sure to be the same; with it, the same metrics.
        Path single = folder.resolve("single");
        Process one =
                start(
                        search(single, "--executor", "threads", "--parallel", "1", "--trials", "3"),
                        folder);
        assertThat(one.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(one.exitValue()).as(() -> log(folder)).isZero();
        assertThat(trials(single)).isEqualTo(reference.subList(0, 3));
    }

    @Test
    void aWorkerKilledDuringATrialCostsNothing() throws Exception {
        Path out = folder.resolve("worker-killed");
        Process driver = start(search(out, "--executor", "processes", "--parallel", "2"), folder);
        List<ProcessHandle> workers = awaitRunningTrial(driver, out);
        kill(workers.get(0));
        assertThat(driver.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(driver.exitValue()).as(() -> log(folder)).isZero();
        assertThat(trials(out)).as("no trial lost, doubled or changed").isEqualTo(reference);
        assertThat(log(folder)).contains("worker exited with signal 9 during trial");
    }

    @Test
    void aKilledDriversWorkersExitAndResumeCompletesTheSearch() throws Exception {
        Path out = folder.resolve("driver-killed");
        Process driver = start(search(out, "--executor", "processes", "--parallel", "2"), folder);
        List<ProcessHandle> workers = awaitRunningTrial(driver, out);
        kill(driver.toHandle());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(workers).as("workers of the killed driver").noneMatch(ProcessHandle::isAlive);

        Process resume =
                start(nasCommand(List.of("search", "--resume", "--out", out.toString())), folder);
        assertThat(resume.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(resume.exitValue()).as(() -> log(folder)).isZero();
        assertThat(trials(out)).isEqualTo(reference);
    }

    /** Waits until the driver's workers run a trial; returns the workers. */
    private static List<ProcessHandle> awaitRunningTrial(Process driver, Path out)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline && driver.isAlive()) {
            if (SqliteExperimentStore.holdsExperiment(out) && running(out)) {
                List<ProcessHandle> workers = driver.toHandle().children().toList();
                if (workers.size() == 2) {
                    Thread.sleep(500); // into the trial's training
                    return workers;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no trial started; driver alive: " + driver.isAlive());
    }

    private static boolean running(Path out) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(out)) {
            return store.trials().stream().anyMatch(t -> t.state() == TrialState.RUNNING);
        } catch (StoreException e) {
            return false; // the journal is being created
        }
    }

    private static void kill(ProcessHandle process) throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor();
    }

    private static List<String> search(Path out, String... more) {
        List<String> args = new ArrayList<>(SEARCH);
        if (!List.of(more).contains("--trials")) {
            args.addAll(List.of("--trials", "5"));
        }
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        return nasCommand(args);
    }

    private static List<String> nasCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dai.djl.offline=true");
        // One intra-op thread everywhere: multi-threaded reductions may change the last bits.
        command.add("-Dai.djl.pytorch.num_threads=1");
        command.add("org.djlnas.cli.Main");
        command.addAll(args);
        return command;
    }

    private static Process start(List<String> command, Path dir) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log.txt").toFile()))
                .start();
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("log.txt"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Every trial: number, architecture, state and metrics. */
    private static List<String> trials(Path out) throws Exception {
        CliRun run = CliRun.of("trials", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> trials = new ArrayList<>();
        for (JsonNode t : JSON.readTree(run.out())) {
            JsonNode metrics = t.get("metrics").deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) metrics)
                    .remove(List.of("trainSeconds", "latencyMs", "latencyBatchMs"));
            trials.add(
                    t.get("trial").asInt()
                            + " "
                            + t.get("id").asText()
                            + " "
                            + t.get("state").asText()
                            + " "
                            + metrics);
        }
        return trials;
    }
}
