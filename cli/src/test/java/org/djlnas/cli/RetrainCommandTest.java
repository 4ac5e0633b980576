package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny DARTS search on Fashion-MNIST, then {@code nas retrain} of what it found. */
@Tag("integration")
class RetrainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @Test
    void retrainsWhatADartsSearchFoundWiderAndTestsIt() throws Exception {
        Path experiment = folder.resolve("search");
        CliRun search =
                CliRun.of(
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
                        "2",
                        "--max-train-examples",
                        "256",
                        "--out",
                        experiment.toString(),
                        "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode found = JSON.readTree(search.out());
        assertThat(found.get("epochs").asInt()).isEqualTo(2);
        CliRun epochs = CliRun.of("epochs", experiment.toString(), "--json");
        assertThat(JSON.readTree(epochs.out())).hasSize(2);

        CliRun retrain =
                CliRun.of(
                        "retrain",
                        "--experiment",
                        experiment.toString(),
                        "--space-opt",
                        "channels=6",
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "256",
                        "--json");
        assertThat(retrain.exitCode()).as(retrain.err()).isZero();
        JsonNode result = JSON.readTree(retrain.out());
        assertThat(result.get("id").asText()).isEqualTo(found.get("id").asText());
        assertThat(result.get("spaceSettings").get("channels").asText()).isEqualTo("6");
        assertThat(result.get("spaceSettings").get("cells").asText()).isEqualTo("1");
        assertThat(result.get("testAccuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get("metrics").get("parameters").asDouble()).isPositive();
        assertThat(experiment.resolve("retrain").resolve("retrain.json")).exists();
        assertThat(Files.list(experiment.resolve("retrain").resolve("weights"))).isNotEmpty();

        Path exported = folder.resolve("tensorflow");
        CliRun export =
                CliRun.of(
                        "export",
                        "--experiment",
                        experiment.toString(),
                        "--out",
                        exported.toString(),
                        "--json");
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode exportResult = JSON.readTree(export.out());
        assertThat(exportResult.get("engine").asText()).isEqualTo("TensorFlow");
        assertThat(exportResult.get("id").asText()).isEqualTo(found.get("id").asText());
        assertThat(exportResult.get("maxDifference").asDouble()).isBetween(0.0, 1e-4);
        assertThat(exported.resolve("saved_model.pb")).exists();
        JsonNode exportedSettings =
                JSON.readTree(exported.resolve("export.json").toFile()).get("spaceSettings");
        assertThat(exportedSettings.get("channels").asText())
                .as("the retrained network's settings, not the search's")
                .isEqualTo("6");
    }

    @Test
    void retrainingTheBaselineNeedsOnlyTheEmptyArchitecture() throws Exception {
        CliRun run =
                CliRun.of(
                        "retrain",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{}",
                        "--epochs",
                        "2",
                        "--max-train-examples",
                        "4096",
                        "--out",
                        folder.resolve("baseline").toString(),
                        "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("metrics").get("parameters").asDouble()).isEqualTo(50_186.0);
        assertThat(result.get("testAccuracy").asDouble())
                .as("two epochs on 4,096 images (128 steps) beat chance (0.1) by far")
                .isGreaterThan(0.5);
    }

    @Test
    void badRequestsAreOneLineErrors() {
        CliRun neither = CliRun.of("retrain", "--epochs", "1");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("give --experiment DIR");
        CliRun both =
                CliRun.of(
                        "retrain",
                        "--experiment",
                        folder.toString(),
                        "--arch",
                        "{}",
                        "--space",
                        "small-cnn");
        assertThat(both.exitCode()).isEqualTo(2);
        CliRun unfinished = CliRun.of("retrain", "--experiment", folder.toString());
        assertThat(unfinished.exitCode()).isEqualTo(2);
        assertThat(unfinished.err()).contains("has no best.json");
        CliRun wrongArchitecture =
                CliRun.of(
                        "retrain",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{\"op\":\"x\"}",
                        "--out",
                        folder.resolve("x").toString());
        assertThat(wrongArchitecture.exitCode()).isEqualTo(2);
        assertThat(wrongArchitecture.err()).contains("op");
    }
}
