package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas report} and {@code nas search --report} on NAS-Bench-201 table searches. */
class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    private Path search(String... extra) {
        Path out = folder.resolve("exp");
        String[] base = {
            "search",
            "--space",
            "nas-bench-201",
            "--strategy",
            "regularized-evolution",
            "--benchmark",
            SearchCommandTest.TABLE,
            "--trials",
            "30",
            "--seed",
            "2",
            "--out",
            out.toString()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    @Test
    void searchWithReportLeavesAnUpToDateReportInTheFolder() throws Exception {
        Path out = search("--report");
        String html = Files.readString(out.resolve("report.html"));
        JsonNode data = JSON.readTree(embedded(html));
        assertThat(data.get("trials")).hasSize(30);
        assertThat(data.get("summary").get("strategy").asText()).isEqualTo("regularized-evolution");
        assertThat(data.get("summary").get("objective").asText()).isEqualTo("score");
    }

    static java.util.stream.Stream<String> multiTrialStrategies() {
        return org.djlnas.runtime.search.Plugins.discover().strategies().keySet().stream().sorted();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("multiTrialStrategies")
    void everyStrategysSearchReports(String strategy) throws Exception {
        Path out = folder.resolve(strategy);
        CliRun run =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        strategy,
                        "--benchmark",
                        SearchCommandTest.TABLE,
                        "--trials",
                        "12",
                        "--out",
                        out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun report = CliRun.of("report", out.toString(), "--json");
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode data = JSON.readTree(embedded(Files.readString(out.resolve("report.html"))));
        assertThat(data.get("summary").get("strategy").asText()).isEqualTo(strategy);
        assertThat(data.get("trials").size())
                .isEqualTo(JSON.readTree(report.out()).get("trials").asInt())
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void reportWritesTheHtmlAndThePngsWhereAsked() throws Exception {
        Path out = search();
        assertThat(out.resolve("report.html")).doesNotExist();
        Path html = folder.resolve("site/search.html");
        CliRun run =
                CliRun.of(
                        "report",
                        out.toString(),
                        "--out",
                        html.toString(),
                        "--png",
                        folder.resolve("png").toString(),
                        "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("report").asText()).isEqualTo(html.toString());
        assertThat(result.get("trials").asInt()).isEqualTo(30);
        assertThat(Files.size(html)).isGreaterThan(1_000_000); // ECharts is inlined
        assertThat(result.get("png"))
                .extracting(JsonNode::asText)
                .contains(folder.resolve("png/best-by-trial.png").toString());
        for (JsonNode png : result.get("png")) {
            assertThat(Path.of(png.asText())).isRegularFile();
        }
        CliRun plain = CliRun.of("report", out.toString());
        assertThat(plain.out().trim())
                .isEqualTo("report of 30 trials: " + out.resolve("report.html"));
    }

    @Test
    void aFolderWithoutAJournalIsOneLineAndExitTwo() {
        Path missing = folder.resolve("nothing-here");
        CliRun run = CliRun.of("report", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().trim())
                .isEqualTo(
                        "nas: experiment folder '"
                                + missing
                                + "' does not exist; expected the --out folder of 'nas search'")
                .doesNotContain("Exception");
    }

    @Test
    void aJournalFromAFutureVersionIsOneLineAndExitTwo() throws Exception {
        Path out = search();
        try (Connection c =
                        DriverManager.getConnection("jdbc:sqlite:" + out.resolve("experiment.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE meta SET value = '2' WHERE key = 'schema'");
        }
        CliRun run = CliRun.of("report", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains(out.resolve("experiment.db").toString(), "journal version");
    }

    @Test
    void anUnwritableOutputIsOneLineAndExitTwoAndLeavesNothing() throws Exception {
        Path out = search();
        Path blocker = Files.writeString(folder.resolve("blocker"), "x");
        Path html = blocker.resolve("report.html");
        CliRun run = CliRun.of("report", out.toString(), "--out", html.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("nas: cannot write " + html);
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    private static String embedded(String html) {
        String open = "<script type=\"application/json\" id=\"report-data\">";
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf("</script>", start));
    }
}
