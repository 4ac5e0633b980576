package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas search --strategy-settings FILE} and {@code --space-settings FILE} on the
 * NAS-Bench-201 table (no training): the file's settings are merged with the command line's,
 * journaled like them and kept on {@code --resume}.
 */
class SearchSettingsFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    private static CliRun search(Path out, String... extra) {
        String[] base = {
            "search",
            "--space",
            "nas-bench-201",
            "--benchmark",
            SearchCommandTest.TABLE,
            "--trials",
            "12",
            "--out",
            out.toString(),
            "--json"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static JsonNode foundBy(Path out) throws Exception {
        return JSON.readTree(out.resolve("best.json").toFile()).get("foundBy");
    }

    private static void assertOneLineError(CliRun run, String... expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1).first().asString().startsWith("nas: ");
        assertThat(run.err()).contains(expected);
    }

    @Test
    void aYamlFilesSettingsAreJournaledWithTheCommandLinesWhichWin() throws Exception {
        Path settings = folder.resolve("evolution.yaml");
        Files.writeString(settings, "population: 4\nsample-size: 2\n");
        Path out = folder.resolve("a");
        CliRun run =
                search(
                        out,
                        "--strategy",
                        "regularized-evolution",
                        "--strategy-settings",
                        settings.toString(),
                        "--strategy-opt",
                        "sample-size=3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(foundBy(out).get("strategySettings"))
                .isEqualTo(JSON.readTree("{\"population\": \"4\", \"sample-size\": \"3\"}"));

        Files.delete(settings);
        CliRun resumed = CliRun.of("search", "--resume", "--out", out.toString(), "--trials", "16");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(foundBy(out).get("strategySettings"))
                .isEqualTo(JSON.readTree("{\"population\": \"4\", \"sample-size\": \"3\"}"));
        assertThat(foundBy(out).get("trials").asInt()).isEqualTo(16);
    }

    @Test
    void aJsonFileGivesTheSameExperimentAsTheSameOptions() throws Exception {
        Path settings = folder.resolve("evolution.json");
        Files.writeString(settings, "{\"population\": 5, \"sample-size\": 2}");
        CliRun fromFile =
                search(
                        folder.resolve("file"),
                        "--strategy",
                        "regularized-evolution",
                        "--strategy-settings",
                        settings.toString());
        CliRun fromOptions =
                search(
                        folder.resolve("options"),
                        "--strategy",
                        "regularized-evolution",
                        "--strategy-opt",
                        "population=5",
                        "--strategy-opt",
                        "sample-size=2");
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(JSON.readTree(fromFile.out()).get("best"))
                .isEqualTo(JSON.readTree(fromOptions.out()).get("best"));
        assertThat(foundBy(folder.resolve("file")).get("strategySettings"))
                .isEqualTo(foundBy(folder.resolve("options")).get("strategySettings"));
    }

    @Test
    void spaceSettingsComeFromAFileToo() throws Exception {
        Path settings = folder.resolve("space.yml");
        Files.writeString(settings, "channels: 8\ncells: 1\n");
        Path out = folder.resolve("a");
        CliRun run =
                search(
                        out,
                        "--strategy",
                        "random",
                        "--space-settings",
                        settings.toString(),
                        "--space-opt",
                        "cells=2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(foundBy(out).get("spaceSettings"))
                .isEqualTo(JSON.readTree("{\"channels\": \"8\", \"cells\": \"2\"}"));
    }

    @Test
    void withoutStrategyTheSearchRunsTheDefaultOne() throws Exception {
        Path out = folder.resolve("a");
        CliRun run = search(out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(foundBy(out).get("strategy").asText()).isEqualTo("random");
    }

    @Test
    void badSettingsFilesAreOneLineErrorsNamingTheFileAndKey() throws Exception {
        Path unknown = folder.resolve("unknown.yaml");
        Files.writeString(unknown, "population: 4\ncolour: blue\n");
        assertOneLineError(
                search(
                        folder.resolve("a"),
                        "--strategy",
                        "regularized-evolution",
                        "--strategy-settings",
                        unknown.toString()),
                "unknown setting 'colour'",
                unknown.toString(),
                "valid settings: population");
        Path typed = folder.resolve("typed.json");
        Files.writeString(typed, "{\"population\": \"many\"}");
        assertOneLineError(
                search(
                        folder.resolve("b"),
                        "--strategy",
                        "regularized-evolution",
                        "--strategy-settings",
                        typed.toString()),
                "setting 'population'",
                typed.toString(),
                "expected an integer");
        Path nested = folder.resolve("nested.yaml");
        Files.writeString(nested, "cells:\n  first: 1\n");
        assertOneLineError(
                search(folder.resolve("c"), "--space-settings", nested.toString()),
                "setting 'cells'",
                nested.toString(),
                "is an object");
        assertOneLineError(
                search(
                        folder.resolve("d"),
                        "--strategy-settings",
                        folder.resolve("none.yaml").toString()),
                "none.yaml does not exist");
        assertThat(folder.resolve("a")).doesNotExist();
        assertThat(folder.resolve("b")).doesNotExist();
    }

    @Test
    void settingsFilesCannotChangeAResumedExperiment() throws Exception {
        Path out = folder.resolve("a");
        assertThat(search(out, "--strategy", "random").exitCode()).isZero();
        Path settings = folder.resolve("s.yaml");
        Files.writeString(settings, "population: 4\n");
        for (String option : new String[] {"--strategy-settings", "--space-settings"}) {
            assertOneLineError(
                    CliRun.of(
                            "search",
                            "--resume",
                            "--out",
                            out.toString(),
                            option,
                            settings.toString()),
                    option + " cannot be given with --resume");
        }
    }
}
