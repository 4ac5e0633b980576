package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

    @Test
    void searchesKilledAtRandomMomentsResumeToTheUninterruptedResult() throws Exception {
        String[] search = {
            "search",
            "--space",
            "nas-bench-201",
            "--strategy",
            "regularized-evolution",
            "--benchmark",
            SearchCommandTest.TABLE,
            "--trials",
            "1500",
            "--parallel",
            "2",
            "--seed",
            "17"
        };
        Path whole = folder.resolve("whole");
        Path log = folder.resolve("log.txt");
        List<String> uninterrupted = new ArrayList<>(List.of(search));
        uninterrupted.addAll(List.of("--out", whole.toString()));
        Process reference = start(nas(uninterrupted.toArray(String[]::new)), log);
        assertThat(reference.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(reference.exitValue()).isZero();
        List<String> expected = architectures(trials(whole));
        assertThat(expected).hasSize(1500);

        Path killed = folder.resolve("killed");
        List<String> first = new ArrayList<>(List.of(search));
        first.addAll(List.of("--out", killed.toString()));
        List<String> resume = List.of("search", "--resume", "--out", killed.toString());
        SplittableRandom random = new SplittableRandom(3);
        int kills = 0;
        List<String> finishedBefore = List.of();
        for (int attempt = 0; attempt < 12; attempt++) {
            List<String> command = nas((attempt == 0 ? first : resume).toArray(String[]::new));
            Process process = start(command, log);
            long waitMillis = 1500 + random.nextLong(2500);
            if (process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                assertThat(process.exitValue()).as("exit of attempt %d", attempt).isZero();
                break;
            }
            process.destroyForcibly().waitFor();
            kills++;
            if (!killed.resolve("experiment.db").toFile().exists()) {
                continue;
            }
            JsonNode journal = trials(killed);
            List<String> finished = new ArrayList<>();
            journal.forEach(
                    t -> {
                        if (t.get("state").asText().equals("done")) {
                            finished.add(t.get("trial").asInt() + ":" + t.get("id").asText());
                        }
                    });
            assertThat(finished).as("finished trials are kept").containsAll(finishedBefore);
            finishedBefore = finished;
        }
        Process last = start(nas(resume.toArray(String[]::new)), log);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
        assertThat(kills).as("the test killed at least one search").isPositive();
        assertThat(architectures(trials(killed))).isEqualTo(expected);
        assertThat(new File(killed.toFile(), "best.json")).exists();
    }
}
