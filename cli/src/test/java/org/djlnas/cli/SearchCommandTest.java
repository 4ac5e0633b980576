package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas search} and {@code nas trials} on the NAS-Bench-201 table: no training. */
class SearchCommandTest {

    /** The built-in NAS-Bench-201 CIFAR-10 table, by id. */
    static final String TABLE = "nas-bench-201-cifar10";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    private CliRun search(Path out, String... extra) {
        String[] base = {
            "search",
            "--space",
            "nas-bench-201",
            "--strategy",
            "regularized-evolution",
            "--benchmark",
            TABLE,
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
    void printsOneJsonObjectWithTheBestArchitectureAndWritesBestJson() throws Exception {
        CliRun run = search(folder.resolve("a"), "--trials", "50", "--seed", "4");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("trials").asInt()).isEqualTo(50);
        assertThat(result.get("wallSeconds").asDouble()).isPositive();
        JsonNode best = result.get("best");
        assertThat(best.get("metrics").get("score").asDouble()).isGreaterThan(93.0);
        JsonNode file = JSON.readTree(folder.resolve("a/best.json").toFile());
        assertThat(file.get("id").asText()).isEqualTo(best.get("id").asText());
        assertThat(file.get("benchmarkString").asText()).startsWith("|");
        assertThat(file.get("foundBy").get("strategy").asText()).isEqualTo("regularized-evolution");
    }

    @Test
    void theSameSeedFindsTheSameAndTrialsListsEveryTrial() throws Exception {
        CliRun first =
                search(folder.resolve("a"), "--trials", "30", "--seed", "9", "--parallel", "3");
        CliRun second =
                search(folder.resolve("b"), "--trials", "30", "--seed", "9", "--parallel", "3");
        assertThat(JSON.readTree(first.out()).get("best"))
                .isEqualTo(JSON.readTree(second.out()).get("best"));

        CliRun trials = CliRun.of("trials", folder.resolve("a").toString(), "--json");
        assertThat(trials.exitCode()).isZero();
        JsonNode rows = JSON.readTree(trials.out());
        assertThat(rows).hasSize(30);
        assertThat(rows.get(0).get("state").asText()).isEqualTo("done");
        assertThat(rows.get(0).get("metrics").get("score").isNumber()).isTrue();

        CliRun table = CliRun.of("trials", folder.resolve("a").toString());
        assertThat(table.out().lines()).hasSize(31).first().asString().startsWith("TRIAL");
    }

    @Test
    void resumeExtendsAFinishedExperimentWithoutRerunningIt() throws Exception {
        Path out = folder.resolve("a");
        search(out, "--trials", "20", "--seed", "2");
        CliRun resumed =
                CliRun.of(
                        "search", "--resume", "--out", out.toString(), "--trials", "40", "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("20 finished trials kept");
        assertThat(JSON.readTree(resumed.out()).get("trials").asInt()).isEqualTo(40);
    }

    @Test
    void badInputIsOneLineAndLeavesAnExistingExperimentAlone() throws Exception {
        Path out = folder.resolve("a");
        search(out, "--trials", "5");
        byte[] journal = Files.readAllBytes(out.resolve("experiment.db"));

        assertOneLineError(search(out, "--trials", "5"), "already holds an experiment");
        assertOneLineError(
                CliRun.of(
                        "search", "--space", "nope", "--strategy", "random", "--benchmark", TABLE),
                "unknown space 'nope'");
        assertOneLineError(
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "nope",
                        "--benchmark",
                        TABLE),
                "unknown strategy 'nope'");
        assertOneLineError(search(folder.resolve("b"), "--trials", "0"), "--trials is 0");
        assertOneLineError(search(folder.resolve("c"), "--epochs", "-1"), "--epochs");
        assertOneLineError(search(folder.resolve("d"), "--trials", "many"), "--trials");
        assertOneLineError(
                search(folder.resolve("e"), "--strategy-opt", "population=x"), "population");
        assertOneLineError(
                search(folder.resolve("f"), "--strategy-opt", "colour=blue"), "valid settings");
        assertOneLineError(
                CliRun.of("search", "--resume", "--out", out.toString(), "--seed", "3"),
                "cannot be given with --resume");
        assertOneLineError(
                CliRun.of("search", "--resume", "--out", folder.resolve("none").toString()),
                "does not exist");
        assertOneLineError(
                CliRun.of(
                        "search",
                        "--space",
                        "darts",
                        "--strategy",
                        "random",
                        "--benchmark",
                        TABLE,
                        "--out",
                        folder.resolve("g").toString()),
                "no tabular benchmark strings");
        assertThat(Files.readAllBytes(out.resolve("experiment.db"))).isEqualTo(journal);
    }

    @Test
    void oneShotStrategiesRejectWhatTheyCannotDoBeforeWritingAnything() throws Exception {
        Path out = folder.resolve("darts");
        assertOneLineError(
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "darts",
                        "--benchmark",
                        TABLE,
                        "--out",
                        out.toString()),
                "only looks up scores");
        assertOneLineError(
                CliRun.of(
                        "search",
                        "--space",
                        "small-cnn",
                        "--strategy",
                        "darts",
                        "--out",
                        out.toString()),
                "cannot build");
        assertOneLineError(
                CliRun.of(
                        "search",
                        "--space",
                        "darts",
                        "--strategy",
                        "darts",
                        "--parallel",
                        "2",
                        "--out",
                        out.toString()),
                "--parallel is 2");
        assertOneLineError(
                CliRun.of(
                        "search",
                        "--space",
                        "darts",
                        "--strategy",
                        "darts-2nd",
                        "--strategy-opt",
                        "order=3",
                        "--out",
                        out.toString()),
                "'order' is 3");
        System.setProperty("nas.mixing-form", "fused");
        try {
            assertOneLineError(
                    CliRun.of(
                            "search",
                            "--space",
                            "darts",
                            "--strategy",
                            "darts",
                            "--out",
                            out.toString()),
                    "nas.mixing-form is 'fused'; expected looped, stacked or matrix-product");
        } finally {
            System.clearProperty("nas.mixing-form");
        }
        System.setProperty("nas.image-memory-format", "nhwc");
        try {
            assertOneLineError(
                    CliRun.of(
                            "search",
                            "--space",
                            "darts",
                            "--strategy",
                            "darts",
                            "--out",
                            out.toString()),
                    "nas.image-memory-format is 'nhwc'; expected contiguous or channels-last");
        } finally {
            System.clearProperty("nas.image-memory-format");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void aCorruptJournalIsReportedAndKept() throws Exception {
        Path out = folder.resolve("corrupt");
        Files.createDirectories(out);
        byte[] garbage = "not sqlite at all".repeat(64).getBytes();
        Files.write(out.resolve("experiment.db"), garbage);
        assertOneLineError(CliRun.of("search", "--resume", "--out", out.toString()), "corrupt");
        assertOneLineError(CliRun.of("trials", out.toString()), "corrupt");
        assertThat(Files.readAllBytes(out.resolve("experiment.db"))).isEqualTo(garbage);
    }

    @Test
    void aMissingOrCorruptDataSetStopsTheSearchBeforeAnythingIsWritten() throws Exception {
        Path out = folder.resolve("no-data");
        CliRun missing =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "random",
                        "--dataset",
                        "fashion-mnist:" + folder.resolve("nowhere"),
                        "--out",
                        out.toString());
        assertOneLineError(missing, "dataset-fashion-mnist");
        assertThat(out).doesNotExist();

        Path corrupt = folder.resolve("corrupt-data");
        Files.createDirectories(corrupt);
        Files.write(corrupt.resolve("train-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        Files.write(corrupt.resolve("train-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        CliRun broken =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "random",
                        "--dataset",
                        "fashion-mnist:" + corrupt,
                        "--out",
                        out.toString());
        assertOneLineError(broken, "is truncated");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnwritableOutputFolderIsAOneLineError() throws Exception {
        Path file = folder.resolve("file");
        Files.writeString(file, "x");
        assertOneLineError(search(file.resolve("sub"), "--trials", "3"), "cannot create");
    }

    @Test
    void aBenchmarkFileWithoutTheArchitectureFailsTheTrialNamingIt() throws Exception {
        Path table = folder.resolve("tiny.csv");
        Files.writeString(
                table, "arch,score\n|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,10.0\n");
        CliRun run =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "random",
                        "--benchmark",
                        table.toString(),
                        "--trials",
                        "3",
                        "--out",
                        folder.resolve("t").toString());
        CliRun trials = CliRun.of("trials", folder.resolve("t").toString(), "--json");
        JsonNode rows = JSON.readTree(trials.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.toString()).contains("is not in the benchmark table");
        assertThat(run.err()).contains("failed");
    }

    @Test
    void anUnknownEvaluatorOrEvaluatorSettingIsAOneLineErrorNamingTheValidOnes() {
        CliRun unknown = search(folder.resolve("e"), "--evaluator", "proxy");
        assertOneLineError(
                unknown, "unknown evaluator 'proxy'; known evaluator ids: benchmark, training");
        CliRun setting = search(folder.resolve("f"), "--evaluator-opt", "learning-rate=0.1");
        assertOneLineError(
                setting,
                "unknown setting 'learning-rate' for evaluator 'benchmark'; valid settings: table");
        assertThat(folder.resolve("e")).doesNotExist();
        assertThat(folder.resolve("f")).doesNotExist();
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines().filter(l -> l.startsWith("nas: ")))
                .hasSize(1)
                .first()
                .asString()
                .contains(expected);
    }
}
