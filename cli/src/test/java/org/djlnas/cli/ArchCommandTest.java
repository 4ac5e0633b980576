package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ALL_CONV_3X3 =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private static final String ALL_SKIP =
            "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";

    @TempDir Path dir;

    @Test
    void randomWithTheSameSeedGivesTheSameArchitecture() throws IOException {
        JsonNode first = json("arch", "--space", "nas-bench-201", "--random", "--seed", "1");
        JsonNode second = json("arch", "--space", "nas-bench-201", "--random", "--seed", "1");

        assertThat(first.get("id").asText()).hasSize(16).isEqualTo(second.get("id").asText());
        assertThat(first.get("space").asText()).isEqualTo("nas-bench-201");
        assertThat(first.get("architecture").isObject()).isTrue();
        assertThat(first.get("benchmarkString").asText()).startsWith("|").contains("+");
        assertThat(first.has("parameters")).isFalse();
    }

    @Test
    void randomDefaultsToSeedZero() throws IOException {
        JsonNode implicit = json("arch", "--space", "darts", "--random");
        JsonNode explicit = json("arch", "--space", "darts", "--random", "--seed", "0");

        assertThat(implicit.get("id")).isEqualTo(explicit.get("id"));
        assertThat(implicit.has("benchmarkString")).isFalse();
    }

    @Test
    void benchmarkStringOfAllConv3x3HasTheReferenceParameterCount() throws IOException {
        JsonNode result =
                json(
                        "arch",
                        "--space",
                        "nas-bench-201",
                        "--benchmark-string",
                        ALL_CONV_3X3,
                        "--input",
                        "3,32,32",
                        "--classes",
                        "10");

        assertThat(result.get("parameters").asLong()).isEqualTo(1_531_546L);
        assertThat(result.get("outputShape").toString()).isEqualTo("[1,10]");
        assertThat(result.get("benchmarkString").asText()).isEqualTo(ALL_CONV_3X3);
        assertThat(result.get("engine").asText()).isEqualTo("PyTorch");
    }

    @Test
    void benchmarkStringOfAllSkipHasTheReferenceParameterCount() throws IOException {
        JsonNode result =
                json(
                        "arch",
                        "--space",
                        "nas-bench-201",
                        "--benchmark-string",
                        ALL_SKIP,
                        "--input",
                        "3,32,32",
                        "--classes",
                        "10");

        assertThat(result.get("parameters").asLong()).isEqualTo(73_306L);
        assertThat(result.get("outputShape").toString()).isEqualTo("[1,10]");
    }

    @Test
    void inputChannelsAndClassesReachTheSpaceSettings() throws IOException {
        JsonNode result =
                json(
                        "arch",
                        "--space",
                        "nas-bench-201",
                        "--random",
                        "--input",
                        "1,28,28",
                        "--classes",
                        "5");

        assertThat(result.get("settings").get("input-channels").asInt()).isEqualTo(1);
        assertThat(result.get("settings").get("classes").asInt()).isEqualTo(5);
        assertThat(result.get("outputShape").toString()).isEqualTo("[1,5]");
    }

    @Test
    void jsonOutputReadsBackAsAnArchitecture() throws IOException {
        CliRun first = CliRun.of("arch", "--space", "darts", "--random", "--seed", "7", "--json");
        Path file = Files.writeString(dir.resolve("result.json"), first.out());

        JsonNode fromFile = json("arch", "--space", "darts", "--arch", file.toString());
        JsonNode fromText =
                json(
                        "arch",
                        "--space",
                        "darts",
                        "--arch",
                        JSON.readTree(first.out()).get("architecture").toString());

        String id = JSON.readTree(first.out()).get("id").asText();
        assertThat(fromFile.get("id").asText()).isEqualTo(id);
        assertThat(fromText.get("id").asText()).isEqualTo(id);
    }

    @Test
    void benchmarkStringAndArchitectureAgree() throws IOException {
        JsonNode random = json("arch", "--space", "nas-bench-201", "--random", "--seed", "3");

        JsonNode parsed =
                json(
                        "arch",
                        "--space",
                        "nas-bench-201",
                        "--benchmark-string",
                        random.get("benchmarkString").asText());

        assertThat(parsed.get("architecture")).isEqualTo(random.get("architecture"));
    }

    @Test
    void plainOutputShowsIdAndArchitecture() {
        CliRun run = CliRun.of("arch", "--space", "nas-bench-201", "--random");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("id:", "architecture: {", "benchmark:    |");
    }

    @Test
    void unknownSpaceNamesTheKnownOnes() {
        CliRun run = failing("arch", "--space", "no-such-space", "--random");

        assertThat(run.err()).contains("no-such-space", "nas-bench-201", "darts");
    }

    @Test
    void garbageJsonIsRejected() {
        failing("arch", "--space", "nas-bench-201", "--arch", "{not json");
        failing("arch", "--space", "nas-bench-201", "--arch", "[1, 2]");
        failing("arch", "--space", "nas-bench-201", "--arch", "not json and not a file");
    }

    @Test
    void emptyAndMissingFilesAreRejected() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));

        assertThat(failing("arch", "--space", "nas-bench-201", "--arch", empty.toString()).err())
                .contains("empty");
        failing("arch", "--space", "nas-bench-201", "--arch", dir.resolve("nope.json").toString());
        failing("arch", "--space", "nas-bench-201", "--arch", dir.toString());
    }

    @Test
    void unknownLabelIsNamed() throws IOException {
        ObjectNode architecture = randomArchitecture();
        architecture.put("cell/no-such-label", "skip_connect");

        CliRun run = failing("arch", "--space", "nas-bench-201", "--arch", architecture.toString());

        assertThat(run.err()).contains("cell/no-such-label");
    }

    @Test
    void badValueIsNamedWithTheExpectedOnes() throws IOException {
        ObjectNode architecture = randomArchitecture();
        String label = architecture.fieldNames().next();
        architecture.put(label, "conv_99x99");

        CliRun run = failing("arch", "--space", "nas-bench-201", "--arch", architecture.toString());

        assertThat(run.err()).contains(label, "conv_99x99", "skip_connect");
    }

    @Test
    void badUsageIsRejected() {
        failing("arch", "--space", "nas-bench-201");
        failing("arch", "--space", "nas-bench-201", "--random", "--arch", "{}");
        failing("arch", "--space", "nas-bench-201", "--random", "--input", "3,32");
        failing("arch", "--space", "nas-bench-201", "--random", "--input", "3,x,32");
        failing("arch", "--space", "nas-bench-201", "--random", "--input", "0,32,32");
        failing("arch", "--space", "nas-bench-201", "--arch", "{}", "--seed", "1");
        failing("arch", "--space", "nas-bench-201", "--random", "--space-opt", "colour=red");
        failing("arch", "--space", "nas-bench-201", "--random", "--space-opt", "classes=ten");
        failing("arch", "--space", "nas-bench-201", "--random", "--rando");
        failing("arch", "--space", "darts", "--benchmark-string", ALL_SKIP);
        failing("arch", "--space", "nas-bench-201", "--benchmark-string", "|bogus|");
        failing("nope");
        failing();
    }

    @Test
    void unknownEngineIsRejected() {
        CliRun run =
                failing(
                        "arch",
                        "--space",
                        "nas-bench-201",
                        "--random",
                        "--input",
                        "3,8,8",
                        "--engine",
                        "NoSuchEngine");

        assertThat(run.err()).contains("NoSuchEngine", "PyTorch");
    }

    @Test
    void errorsExitWithStatusTwo() {
        assertThat(CliRun.of("arch", "--space", "no-such-space", "--random").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("arch", "--bogus").exitCode()).isEqualTo(2);
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRun run = CliRun.of("arch", "--space", "no-such-space", "--random", "--verbose");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("nas: unknown space").contains("\tat org.djlnas.cli.");
    }

    /** Runs a command that must fail: non-zero status, nothing on stdout, one line on stderr. */
    private static CliRun failing(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("exit status of %s", String.join(" ", args)).isNotZero();
        assertThat(run.out()).as("stdout of %s", String.join(" ", args)).isEmpty();
        assertThat(run.err())
                .as("stderr of %s", String.join(" ", args))
                .startsWith("nas: ")
                .endsWith(System.lineSeparator())
                .doesNotContain("Exception")
                .hasLineCount(1);
        return run;
    }

    /** Runs a command with {@code --json}, which must succeed with one JSON object on stdout. */
    private static JsonNode json(String... args) throws IOException {
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        CliRun run = CliRun.of(withJson);
        assertThat(run.exitCode()).as("exit status; stderr: %s", run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.isObject()).isTrue();
        return result;
    }

    private static ObjectNode randomArchitecture() throws IOException {
        JsonNode result = json("arch", "--space", "nas-bench-201", "--random", "--seed", "5");
        ObjectNode architecture = (ObjectNode) result.get("architecture");
        Iterator<String> labels = architecture.fieldNames();
        assertThat(labels.hasNext()).isTrue();
        return architecture;
    }
}
