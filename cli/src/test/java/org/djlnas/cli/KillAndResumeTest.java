package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code nas search} processes with SIGKILL at random moments and resumes them, until the
 * search ends: no finished trial may be lost or run twice, and the trials must be those of an
 * uninterrupted run with the same seed.
 */
@Tag("integration")
class KillAndResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    private static List<String> nas(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dai.djl.offline=true");
        // One intra-op thread: multi-threaded reductions may change the last bits of a trained
        // network, and with them which architecture evolution mutates next.
        command.add("-Dai.djl.pytorch.num_threads=1");
        command.add("org.djlnas.cli.Main");
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(List<String> command, Path log) throws Exception {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static JsonNode trials(Path out) throws Exception {
        CliRun run = CliRun.of("trials", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static List<String> architectures(JsonNode trials) {
        List<String> ids = new ArrayList<>();
        trials.forEach(t -> ids.add(t.get("trial").asInt() + ":" + t.get("id").asText()));
        return ids;
    }

    /** An uninterrupted run takes about 7 s here, longer than any wait before a kill. */
    @Test
    void searchesKilledAtRandomMomentsResumeToTheUninterruptedResult() throws Exception {
        killAndResume(
                new String[] {
                    "search",
                    "--space",
                    "nas-bench-201",
                    "--strategy",
                    "regularized-evolution",
                    "--benchmark",
                    SearchCommandTest.TABLE,
                    "--trials",
                    "3000",
                    "--parallel",
                    "2",
                    "--seed",
                    "17"
                },
                3000,
                800,
                2500);
    }

    /** Kills happen while networks train: each trial takes a few seconds. */
    @Test
    void trainingSearchesKilledMidTrialResumeToTheUninterruptedResult() throws Exception {
        killAndResume(
                new String[] {
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
                    "population=2",
                    "--trials",
                    "4",
                    "--max-train-examples",
                    "640",
                    "--seed",
                    "5"
                },
                4,
                3000,
                4000);
    }

    /**
     * A DARTS search killed at random moments resumes from its last checkpoint to exactly the
     * epochs of an uninterrupted run: the same derived architectures and the same mixing weights.
     * An uninterrupted run takes about 10 s here (6 epochs of about a second).
     */
    @Test
    void dartsSearchesKilledAtRandomMomentsResumeToTheUninterruptedEpochs() throws Exception {
        String[] search = {
            "search",
            "--space",
            "nas-bench-201",
            "--space-opt",
            "channels=4",
            "--space-opt",
            "cells=1",
            "--strategy",
            "darts",
            "--strategy-opt",
            "validation-batches=1",
            "--epochs",
            "6",
            "--max-train-examples",
            "512",
            "--seed",
            "3"
        };
        Path whole = folder.resolve("whole");
        Path log = folder.resolve("log.txt");
        JsonNode expected = uninterruptedEpochs(search, whole, log, 6);

        Path killed = folder.resolve("killed");
        List<String> first = new ArrayList<>(List.of(search));
        first.addAll(List.of("--out", killed.toString()));
        List<String> resume = List.of("search", "--resume", "--out", killed.toString());
        SplittableRandom random = new SplittableRandom(11);
        int kills = 0;
        int journaledBefore = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            boolean begun = SqliteExperimentStore.holdsExperiment(killed);
            Process process = start(nas((begun ? resume : first).toArray(String[]::new)), log);
            int number = attempt;
            if (process.waitFor(2000 + random.nextLong(4000), TimeUnit.MILLISECONDS)) {
                assertThat(process.exitValue())
                        .as(() -> "exit of attempt " + number + "; log:\n" + read(log))
                        .isZero();
                break;
            }
            process.destroyForcibly().waitFor();
            kills++;
            if (!SqliteExperimentStore.holdsExperiment(killed)) {
                continue;
            }
            JsonNode journaled = epochs(killed);
            assertThat(journaled.size())
                    .as("journaled epochs are kept")
                    .isGreaterThanOrEqualTo(journaledBefore);
            for (int i = 0; i < journaled.size(); i++) {
                assertSameEpoch(journaled.get(i), expected.get(i));
            }
            journaledBefore = journaled.size();
        }
        // Under load every kill may come before the journal is made: then the last run begins.
        boolean begun = SqliteExperimentStore.holdsExperiment(killed);
        Process last = start(nas((begun ? resume : first).toArray(String[]::new)), log);
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue())
                .as(() -> "exit of the last resume; log:\n" + read(log))
                .isZero();
        assertThat(kills).as("the test killed at least one search").isPositive();
        JsonNode resumed = epochs(killed);
        assertThat(resumed).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertSameEpoch(resumed.get(i), expected.get(i));
        }
        assertThat(JSON.readTree(killed.resolve("best.json").toFile()).get("id"))
                .isEqualTo(JSON.readTree(whole.resolve("best.json").toFile()).get("id"));
    }

    /**
     * A single-path one-shot search killed after its first checkpoint resumes to the epochs and the
     * derived architecture of an uninterrupted run, which then retrains like any search's result.
     */
    @Test
    void aSposSearchKilledAfterAnEpochResumesToTheUninterruptedOneAndRetrains() throws Exception {
        String[] search = {
            "search",
            "--space",
            "nas-bench-201",
            "--space-opt",
            "channels=4",
            "--space-opt",
            "cells=1",
            "--strategy",
            "spos",
            "--strategy-opt",
            "evolution-candidates=6",
            "--strategy-opt",
            "epoch-candidates=2",
            "--strategy-opt",
            "recalibration-batches=2",
            "--strategy-opt",
            "validation-batches=2",
            "--epochs",
            "3",
            "--max-train-examples",
            "512",
            "--seed",
            "5"
        };
        Path whole = folder.resolve("whole");
        Path log = folder.resolve("log.txt");
        JsonNode expected = uninterruptedEpochs(search, whole, log, 3);
        assertThat(expected.get(2).get("metrics").get("candidates").asInt()).isEqualTo(6);

        Path killed = folder.resolve("killed");
        List<String> first = new ArrayList<>(List.of(search));
        first.addAll(List.of("--out", killed.toString()));
        Process process = start(nas(first.toArray(String[]::new)), log);
        Path checkpoint = killed.resolve("checkpoints").resolve("latest");
        while (!Files.exists(checkpoint) && process.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive()).as("killed before its last epoch").isTrue();
        process.destroyForcibly().waitFor();
        Process resumed = start(nas("search", "--resume", "--out", killed.toString()), log);
        assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(() -> read(log)).isZero();

        JsonNode actual = epochs(killed);
        assertThat(actual).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertSameEpoch(actual.get(i), expected.get(i));
            assertThat(actual.get(i).get("metrics").get("validationAccuracy"))
                    .isEqualTo(expected.get(i).get("metrics").get("validationAccuracy"));
        }
        JsonNode best = JSON.readTree(killed.resolve("best.json").toFile());
        assertThat(best.get("id"))
                .isEqualTo(JSON.readTree(whole.resolve("best.json").toFile()).get("id"));
        assertThat(best.get("architecture")).isEqualTo(expected.get(2).get("architecture"));

        CliRun retrain =
                CliRun.of(
                        "retrain",
                        "--experiment",
                        killed.toString(),
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "256",
                        "--json");
        assertThat(retrain.exitCode()).as(retrain.err()).isZero();
        JsonNode retrained = JSON.readTree(retrain.out());
        assertThat(retrained.get("id")).isEqualTo(best.get("id"));
        assertThat(retrained.get("testAccuracy").asDouble()).isBetween(0.0, 1.0);
    }

    /** Runs a one-shot search without interruption and returns its journaled epochs. */
    private static JsonNode uninterruptedEpochs(String[] search, Path out, Path log, int epochs)
            throws Exception {
        List<String> uninterrupted = new ArrayList<>(List.of(search));
        uninterrupted.addAll(List.of("--out", out.toString()));
        Process reference = start(nas(uninterrupted.toArray(String[]::new)), log);
        assertThat(reference.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(reference.exitValue()).as(() -> read(log)).isZero();
        JsonNode expected = epochs(out);
        assertThat(expected).hasSize(epochs);
        return expected;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static JsonNode epochs(Path out) throws Exception {
        CliRun run = CliRun.of("epochs", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static void assertSameEpoch(JsonNode actual, JsonNode expected) {
        int epoch = expected.get("epoch").asInt();
        assertThat(actual.get("epoch").asInt()).isEqualTo(epoch);
        assertThat(actual.get("architecture"))
                .as("architecture of epoch %d", epoch)
                .isEqualTo(expected.get("architecture"));
        assertThat(actual.get("mixingWeights"))
                .as("mixing weights of epoch %d", epoch)
                .isEqualTo(expected.get("mixingWeights"));
        assertThat(actual.get("metrics").get("trainLoss"))
                .as("train loss of epoch %d", epoch)
                .isEqualTo(expected.get("metrics").get("trainLoss"));
    }

    private void killAndResume(String[] search, int trials, long minWait, long extraWait)
            throws Exception {
        Path whole = folder.resolve("whole");
        Path log = folder.resolve("log.txt");
        List<String> uninterrupted = new ArrayList<>(List.of(search));
        uninterrupted.addAll(List.of("--out", whole.toString()));
        Process reference = start(nas(uninterrupted.toArray(String[]::new)), log);
        assertThat(reference.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(reference.exitValue()).isZero();
        JsonNode referenceTrials = trials(whole);
        List<String> expected = architectures(referenceTrials);
        assertThat(expected).hasSize(trials);

        Path killed = folder.resolve("killed");
        List<String> first = new ArrayList<>(List.of(search));
        first.addAll(List.of("--out", killed.toString()));
        List<String> resume = List.of("search", "--resume", "--out", killed.toString());
        SplittableRandom random = new SplittableRandom(3);
        int kills = 0;
        List<String> finishedBefore = List.of();
        for (int attempt = 0; attempt < 12; attempt++) {
            boolean begun = SqliteExperimentStore.holdsExperiment(killed);
            List<String> command = nas((begun ? resume : first).toArray(String[]::new));
            Process process = start(command, log);
            if (process.waitFor(minWait + random.nextLong(extraWait), TimeUnit.MILLISECONDS)) {
                assertThat(process.exitValue()).as("exit of attempt %d", attempt).isZero();
                break;
            }
            process.destroyForcibly().waitFor();
            kills++;
            if (!SqliteExperimentStore.holdsExperiment(killed)) {
                continue;
            }
            List<String> finished = new ArrayList<>();
            trials(killed)
                    .forEach(
                            t -> {
                                if (t.get("state").asText().equals("done")) {
                                    finished.add(
                                            t.get("trial").asInt() + ":" + t.get("id").asText());
                                }
                            });
            assertThat(finished).as("finished trials are kept").containsAll(finishedBefore);
            finishedBefore = finished;
        }
        // Under load every kill may come before the journal is made: then the last run begins.
        boolean begun = SqliteExperimentStore.holdsExperiment(killed);
        Process last = start(nas((begun ? resume : first).toArray(String[]::new)), log);
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
        assertThat(kills).as("the test killed at least one search").isPositive();
        JsonNode resumed = trials(killed);
        assertThat(architectures(resumed)).isEqualTo(expected);
        for (int i = 0; i < trials; i++) {
            JsonNode before = referenceTrials.get(i).get("metrics");
            JsonNode after = resumed.get(i).get("metrics");
            assertThat(after.size()).isEqualTo(before.size());
            for (String exact : List.of("accuracy", "score", "parameters", "skippedSteps")) {
                assertThat(after.get(exact))
                        .as("trial %d's %s", i + 1, exact)
                        .isEqualTo(before.get(exact));
            }
            if (before.has("loss")) {
                // Summation order in a multi-threaded reduction may change the last bits.
                assertThat(after.get("loss").asDouble())
                        .isCloseTo(before.get("loss").asDouble(), within(1e-5));
            }
        }
        assertThat(new File(killed.toFile(), "best.json")).exists();
    }
}
