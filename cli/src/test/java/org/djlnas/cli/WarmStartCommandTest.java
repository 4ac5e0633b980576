package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas search --warm-start DIR...} on the NAS-Bench-201 table, in process, no training. */
class WarmStartCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    private static CliRun search(Path out, String strategy, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "search",
                                "--space",
                                "nas-bench-201",
                                "--strategy",
                                strategy,
                                "--benchmark",
                                SearchCommandTest.TABLE,
                                "--trials",
                                "6",
                                "--seed",
                                "4",
                                "--out",
                                out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aSearchStartsWithTheBestTrialOfEarlierExperiments() throws Exception {
        Path earlier = folder.resolve("earlier");
        CliRun first = search(earlier, "random", "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        String bestEarlier = JSON.readTree(first.out()).get("best").get("id").asText();

        Path warm = folder.resolve("warm");
        CliRun second =
                search(
                        warm,
                        "regularized-evolution",
                        "--strategy-opt",
                        "population=3",
                        "--warm-start",
                        earlier.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode rows = JSON.readTree(CliRun.of("trials", warm.toString(), "--json").out());
        assertThat(rows.get(0).get("id").asText()).isEqualTo(bestEarlier);
    }

    @Test
    void aStrategyThatCannotStartFromEarlierExperimentsGetsOneLineAndNoFolder() throws Exception {
        Path earlier = folder.resolve("earlier");
        assertThat(search(earlier, "random").exitCode()).isZero();
        Path out = folder.resolve("out");

        CliRun run = search(out, "random", "--warm-start", earlier.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "nas: --warm-start is given; strategy 'random' cannot start from"
                                + " earlier experiments (strategies that can: gp-bo,"
                                + " nsga2, regularized-evolution)");
        assertThat(Files.exists(out)).isFalse();
    }
}
