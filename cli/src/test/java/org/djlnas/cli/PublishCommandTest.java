package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas publish} after a real search (retraining what it found, since it has no final weights
 * yet), then {@code nas zoo list}, {@code pack} and {@code import} into a second zoo.
 */
@Tag("integration")
class PublishCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @Test
    void publishesWhatASearchFoundAndMovesItToAnotherZoo() throws Exception {
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
                        "random",
                        "--trials",
                        "1",
                        "--max-train-examples",
                        "256",
                        "--seed",
                        "5",
                        "--out",
                        experiment.toString(),
                        "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        String foundId = JSON.readTree(search.out()).get("best").get("id").asText();

        Path zoo = folder.resolve("zoo");
        CliRun publish =
                CliRun.of(
                        "publish",
                        "--experiment",
                        experiment.toString(),
                        "--zoo",
                        zoo.toString(),
                        "--name",
                        "found",
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "256",
                        "--json");
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        assertThat(publish.err()).contains("no final weights yet; retraining");
        JsonNode published = JSON.readTree(publish.out());
        assertThat(published.get("version").asText()).isEqualTo("1");
        assertThat(published.get("id").asText()).isEqualTo(foundId);
        assertThat(published.get("testAccuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(experiment.resolve("retrain").resolve("retrain.json"))
                .as("the retrained weights are kept with the experiment")
                .exists();

        CliRun again =
                CliRun.of(
                        "publish",
                        "--experiment",
                        experiment.toString(),
                        "--zoo",
                        zoo.toString(),
                        "--name",
                        "found",
                        "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("the final weights of");
        assertThat(JSON.readTree(again.out()).get("version").asText()).isEqualTo("2");

        CliRun list = CliRun.of("zoo", "list", zoo.toString(), "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode models = JSON.readTree(list.out()).get("models");
        assertThat(models).hasSize(2);
        assertThat(models.get(0).get("provenance").asText())
                .contains("nas-bench-201 by random on fashion-mnist, PyTorch");

        Path archive = folder.resolve("found.zip");
        CliRun pack =
                CliRun.of(
                        "zoo",
                        "pack",
                        zoo.toString(),
                        "--name",
                        "found",
                        "--version",
                        "2",
                        "--out",
                        archive.toString());
        assertThat(pack.exitCode()).as(pack.err()).isZero();
        Path elsewhere = folder.resolve("elsewhere");
        CliRun imported = CliRun.of("zoo", "import", elsewhere.toString(), archive.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported found version 2");
        CliRun listed = CliRun.of("zoo", "list", elsewhere.toString());
        assertThat(listed.out()).contains("NAME").contains("found");
    }

    @Test
    void aTamperedArchiveIsRejectedAndLeavesNothingBehind() throws Exception {
        Path archive = folder.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path zoo = folder.resolve("zoo");
        CliRun run = CliRun.of("zoo", "import", zoo.toString(), archive.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("escaped.txt");
        assertThat(folder.resolve("escaped.txt")).doesNotExist();
    }
}
