package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny ENAS search of the DARTS space on a Fashion-MNIST subset, end to end through {@code nas
 * search}, and the same search stopped by a crash after a checkpoint and resumed with {@code nas
 * search --resume}: the resumed search journals exactly the epochs of the uninterrupted one.
 */
@Tag("integration")
class EnasSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPOCHS = 3;

    @TempDir Path folder;

    @BeforeAll
    static void requireData() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
    }

    @Test
    void anEnasSearchResumedAfterACrashJournalsTheEpochsOfAnUninterruptedOne() throws Exception {
        Path whole = folder.resolve("whole");
        CliRun search =
                CliRun.of(
                        "search",
                        "--space",
                        "darts",
                        "--space-opt",
                        "channels=4",
                        "--space-opt",
                        "layers=3",
                        "--space-opt",
                        "nodes=2",
                        "--strategy",
                        "enas",
                        "--strategy-opt",
                        "batch-size=32",
                        "--strategy-opt",
                        "controller-steps=6",
                        "--strategy-opt",
                        "derive-samples=3",
                        "--strategy-opt",
                        "validation-batches=2",
                        "--epochs",
                        Integer.toString(EPOCHS),
                        "--max-train-examples",
                        "256",
                        "--seed",
                        "3",
                        "--out",
                        whole.toString(),
                        "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode found = JSON.readTree(search.out());
        assertThat(found.get("epochs").asInt()).isEqualTo(EPOCHS);
        JsonNode expected = epochs(whole);
        assertThat(expected).hasSize(EPOCHS);
        for (JsonNode epoch : expected) {
            JsonNode metrics = epoch.get("metrics");
            assertThat(metrics.get("validationAccuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(metrics.get("meanReward").asDouble()).isBetween(0.0, 1.0);
            assertThat(metrics.get("trainLoss").isNumber()).isTrue();
        }
        assertThat(found.get("id")).isEqualTo(expected.get(EPOCHS - 1).get("id"));

        // The same experiment, stopped by a crash after epoch 2 was checkpointed and journaled.
        Path killed = folder.resolve("killed");
        ExperimentConfig config =
                ExperimentConfig.fromJson(
                        JSON.readTree(whole.resolve("best.json").toFile())
                                .get("foundBy")
                                .toString());
        try (SearchSession session = SearchSession.create(killed, config, Plugins.discover())) {
            assertThatThrownBy(
                            () ->
                                    session.runOneShot(
                                            record -> {
                                                if (record.epoch() == 2) {
                                                    throw new IllegalStateException("crash");
                                                }
                                            }))
                    .hasMessage("crash");
        }
        JsonNode beforeResume = withoutTimes(epochs(killed));
        assertThat(beforeResume).hasSize(2);
        assertThat(beforeResume.get(1)).isEqualTo(withoutTimes(expected).get(1));

        CliRun resume = CliRun.of("search", "--resume", "--out", killed.toString(), "--json");

        assertThat(resume.exitCode()).as(resume.err()).isZero();
        JsonNode resumed = epochs(killed);
        assertThat(withoutTimes(resumed)).isEqualTo(withoutTimes(expected));
        assertThat(JSON.readTree(resume.out()).get("id")).isEqualTo(found.get("id"));
    }

    private static JsonNode epochs(Path out) throws Exception {
        CliRun run = CliRun.of("epochs", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** The epochs without their wall-clock times, which no two runs share. */
    private static JsonNode withoutTimes(JsonNode epochs) {
        JsonNode copy = epochs.deepCopy();
        for (JsonNode epoch : copy) {
            ObjectNode metrics = (ObjectNode) epoch.get("metrics");
            metrics.remove(
                    metrics.properties().stream()
                            .map(java.util.Map.Entry::getKey)
                            .filter(name -> name.endsWith("econds"))
                            .toList());
        }
        return copy;
    }
}
