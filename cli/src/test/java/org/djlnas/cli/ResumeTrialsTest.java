package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --trials} is the one setting a resumed search may change: a search run to A trials and
 * resumed to B proposes exactly what one run to B trials proposes, for every strategy (160 trials:
 * enough for the automatic population of regularized evolution to differ from 20).
 */
class ResumeTrialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "random",
                "grid",
                "regularized-evolution",
                "nsga2",
                "reinforce",
                "hyperband",
                "bohb",
                "gp-bo"
            })
    void growingTheTrialsOnResumeMatchesOneLongerRun(String strategy) throws Exception {
        Path resumed = folder.resolve("resumed");
        Path single = folder.resolve("single");
        assertSucceeded(search(strategy, resumed, 20));
        assertSucceeded(
                CliRun.of("search", "--resume", "--out", resumed.toString(), "--trials", "160"));
        assertSucceeded(search(strategy, single, 160));

        List<String> expected = architectures(single);
        assertThat(expected).hasSize(160);
        assertThat(architectures(resumed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"regularized-evolution", "nsga2", "bohb", "gp-bo"})
    void shrinkingTheTrialsWithinWhatIsDoneKeepsEveryTrial(String strategy) throws Exception {
        Path out = folder.resolve("a");
        assertSucceeded(search(strategy, out, 35));
        List<String> before = architectures(out);
        JsonNode bestBefore = JSON.readTree(out.resolve("best.json").toFile());
        CliRun shrunk = CliRun.of("search", "--resume", "--out", out.toString(), "--trials", "20");
        assertSucceeded(shrunk);
        assertThat(architectures(out)).isEqualTo(before);
        JsonNode bestAfter = JSON.readTree(out.resolve("best.json").toFile());
        assertThat(bestAfter.get("trial")).isEqualTo(bestBefore.get("trial"));
        assertThat(bestAfter.get("id")).isEqualTo(bestBefore.get("id"));
        CliRun grown = CliRun.of("search", "--resume", "--out", out.toString(), "--trials", "45");
        assertSucceeded(grown);
        assertThat(architectures(out).subList(0, 35)).isEqualTo(before);
    }

    private static CliRun search(String strategy, Path out, int trials) {
        return CliRun.of(
                "search",
                "--space",
                "nas-bench-201",
                "--strategy",
                strategy,
                "--benchmark",
                SearchCommandTest.TABLE,
                "--trials",
                Integer.toString(trials),
                "--seed",
                "5",
                "--out",
                out.toString());
    }

    private static void assertSucceeded(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static List<String> architectures(Path out) throws Exception {
        CliRun trials = CliRun.of("trials", out.toString(), "--json");
        assertSucceeded(trials);
        List<String> architectures = new ArrayList<>();
        for (JsonNode row : JSON.readTree(trials.out())) {
            architectures.add(row.get("trial").asText() + " " + row.get("architecture").toString());
        }
        return architectures;
    }
}
