package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hyperband on Fashion-MNIST through {@code nas search}: a bracket whose best trial is continued
 * from its checkpoint, every budget journaled with its per-epoch reports; then the median rule.
 */
@Tag("integration")
class MultiFidelitySearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    private static CliRun search(Path out, String strategy, String... extra) {
        String[] base = {
            "search",
            "--space",
            "nas-bench-201",
            "--space-opt",
            "channels=4",
            "--space-opt",
            "cells=1",
            "--strategy",
            strategy,
            "--max-train-examples",
            "320",
            "--seed",
            "3",
            "--out",
            out.toString(),
            "--json"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void hyperbandContinuesTheBestOfARungFromItsCheckpoint() throws Exception {
        Path out = folder.resolve("hyperband");
        // min 1, max 3, η 3: the first bracket trains 3 architectures for 1 epoch, then continues
        // the best one to 3 epochs.
        CliRun run =
                search(
                        out,
                        "hyperband",
                        "--strategy-opt",
                        "min-epochs=1",
                        "--strategy-opt",
                        "max-epochs=3",
                        "--trials",
                        "4");
        assertThat(run.exitCode()).as(run.err()).isZero();

        JsonNode trials = JSON.readTree(CliRun.of("trials", out.toString(), "--json").out());
        assertThat(trials).hasSize(4);
        double bestOfRung = -1;
        int bestTrial = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode trial = trials.get(i);
            assertThat(trial.get("state").asText()).isEqualTo("done");
            assertThat(trial.get("epochs").asDouble()).isEqualTo(1.0);
            assertThat(trial.has("continues")).isFalse();
            assertThat(trial.get("reports")).hasSize(1);
            double accuracy = trial.get("metrics").get("accuracy").asDouble();
            if (accuracy > bestOfRung) {
                bestOfRung = accuracy;
                bestTrial = trial.get("trial").asInt();
            }
        }
        JsonNode continued = trials.get(3);
        assertThat(continued.get("state").asText()).as(continued.toString()).isEqualTo("done");
        assertThat(continued.get("continues").asInt()).isEqualTo(bestTrial);
        assertThat(continued.get("epochs").asDouble()).isEqualTo(3.0);
        assertThat(continued.get("id").asText())
                .isEqualTo(trials.get(bestTrial - 1).get("id").asText());
        assertThat(continued.get("seed").asLong())
                .isEqualTo(trials.get(bestTrial - 1).get("seed").asLong());
        // Only epochs 2 and 3 were trained and reported: the first came from the checkpoint.
        assertThat(continued.get("reports").findValuesAsText("step")).containsExactly("2", "3");
        assertThat(continued.get("reports").get(1).get("value").asDouble())
                .isEqualTo(continued.get("metrics").get("accuracy").asDouble());
    }

    @Test
    void theMedianRuleStopsTrialsAndAFinishedSearchResumesUnchanged() throws Exception {
        Path out = folder.resolve("median");
        CliRun run = search(out, "random", "--epochs", "2", "--trials", "9", "--pruner", "median");
        assertThat(run.exitCode()).as(run.err()).isZero();

        JsonNode trials = JSON.readTree(CliRun.of("trials", out.toString(), "--json").out());
        assertThat(trials).hasSize(9);
        for (JsonNode trial : trials) {
            String state = trial.get("state").asText();
            assertThat(state).isIn("done", "pruned");
            int reports = trial.get("reports").size();
            assertThat(reports).isEqualTo(state.equals("done") ? 2 : 1);
            if (trial.get("trial").asInt() <= 5) {
                assertThat(state).as("the rule waits for five finished trials").isEqualTo("done");
            }
        }

        assertThat(trials.findValuesAsText("state")).contains("pruned");

        CliRun resumed = CliRun.of("search", "--resume", "--out", out.toString(), "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("9 finished trials kept");
        assertThat(JSON.readTree(resumed.out()).get("best"))
                .isEqualTo(JSON.readTree(run.out()).get("best"));
    }
}
