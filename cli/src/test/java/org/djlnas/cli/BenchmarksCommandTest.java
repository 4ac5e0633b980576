package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.djlnas.spaces.nasbench201.NasBench201Cifar10Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas benchmarks}, and {@code --benchmark} given a built-in id, a moved table or no CSV. */
class BenchmarksCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @Test
    void listsTheBuiltInTableWithItsRowsMetricAndSource() throws Exception {
        CliRun run = CliRun.of("benchmarks", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode tables = JSON.readTree(run.out());
        assertThat(tables).hasSize(1);
        JsonNode table = tables.get(0);
        assertThat(table.get("id").asText()).isEqualTo("nas-bench-201-cifar10");
        assertThat(table.get("space").asText()).isEqualTo("nas-bench-201");
        assertThat(table.get("rows").asInt()).isEqualTo(15_625);
        assertThat(table.get("metric").asText()).contains("CIFAR-10 test accuracy");
        assertThat(table.get("source").asText()).contains("NATS-Bench", "MIT License");

        CliRun text = CliRun.of("benchmarks");
        assertThat(text.out()).contains("nas-bench-201-cifar10", "15,625 rows", "NATS-Bench");
    }

    @Test
    void aDirectoryAsBenchmarkIsAOneLineErrorNamingItsPath() {
        CliRun run = search(folder.resolve("a"), "--benchmark", folder.toString());

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(run.err().strip())
                .isEqualTo(
                        "nas: benchmark file "
                                + folder
                                + " is a directory; expected a CSV file of 'architecture,score'"
                                + " lines");
        assertThat(folder.resolve("a")).doesNotExist();
    }

    @Test
    void aBinaryBenchmarkIsAOneLineErrorNamingTheFileAndLine() throws Exception {
        byte[] header = "arch,score\n".getBytes(StandardCharsets.UTF_8);
        Path binary = Files.write(folder.resolve("t.csv"), header);
        Files.write(binary, new byte[] {(byte) 0xc3, 0, 1}, StandardOpenOption.APPEND);
        CliRun run = search(folder.resolve("a"), "--benchmark", binary.toString());

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(run.err().strip())
                .startsWith("nas: benchmark file " + binary + " line 2 is not UTF-8 text")
                .doesNotContain("Input length");
    }

    @Test
    void aMovedTableIsGivenAgainWithBenchmarkOnResume() throws Exception {
        Path table = folder.resolve("t.csv");
        try (InputStream in = new NasBench201Cifar10Table().open()) {
            Files.copy(in, table);
        }
        Path out = folder.resolve("x");
        assertThat(search(out, "--benchmark", table.toString(), "--trials", "2").exitCode())
                .isZero();
        Path moved = Files.move(table, folder.resolve("moved.csv"));

        CliRun gone = CliRun.of("search", "--resume", "--out", out.toString(), "--trials", "3");
        assertThat(gone.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(gone.err()).contains(table.toString(), "does not exist", "moved");

        CliRun resumed =
                CliRun.of(
                        "search",
                        "--resume",
                        "--out",
                        out.toString(),
                        "--benchmark",
                        moved.toString(),
                        "--trials",
                        "3",
                        "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(JSON.readTree(resumed.out()).get("trials").asInt()).isEqualTo(3);

        Files.writeString(moved, Files.readString(moved).replace(",94.3733", ",99.0000"));
        CliRun changed = CliRun.of("search", "--resume", "--out", out.toString(), "--trials", "4");
        assertThat(changed.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(changed.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("nas: benchmark table " + moved)
                .contains("is not the table the experiment began with");
    }

    private static CliRun search(Path out, String... extra) {
        String[] base = {
            "search", "--space", "nas-bench-201", "--strategy", "random", "--out", out.toString()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }
}
