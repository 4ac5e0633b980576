package org.djlnas.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @Test
    void oneFileHoldsEchartsTheDataAndTheScriptAndFetchesNothing() throws Exception {
        Journals.training(folder, 12);
        Path out = folder.resolve("report.html");
        HtmlReport.write(folder, out, Journals.PLUGINS);

        String html = Files.readString(out);
        assertThat(html).contains("Search report: nas-bench-201 with hyperband");
        assertThat(html)
                .doesNotContain("{{")
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
        assertThat(html).contains("echarts.init(").contains("Apache Software Foundation");
        JsonNode data = JSON.readTree(embedded(html));
        assertThat(data.get("trials")).hasSize(13);
        assertThat(data.get("summary").get("objective").asText()).isEqualTo("accuracy");
        // No temporary file is left beside the report.
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .isEmpty();
        }
    }

    @Test
    void textFromTheJournalCannotCloseTheDataScript() throws Exception {
        Journals.training(folder, 12);
        ReportData data = new ReportReader(Journals.PLUGINS).read(folder);
        TrialRow first = data.trials().get(0);
        TrialRow hostile =
                new TrialRow(
                        first.number(),
                        "failed",
                        first.id(),
                        first.choices(),
                        first.metrics(),
                        first.epochs(),
                        null,
                        first.seed(),
                        null,
                        null,
                        first.intermediate(),
                        "</script><script>alert(1)</script>",
                        List.of());
        var trials = new java.util.ArrayList<>(data.trials());
        trials.set(0, hostile);
        String html =
                HtmlReport.render(
                        new ReportData(
                                data.summary(),
                                data.choices(),
                                trials,
                                data.epochs(),
                                data.edgeCandidates(),
                                data.cells()));
        assertThat(html).doesNotContain("<script>alert(1)");
        assertThat(JSON.readTree(embedded(html)).get("trials").get(0).get("error").asText())
                .isEqualTo("</script><script>alert(1)</script>");
    }

    @Test
    void theWeightsChartsSayWhatTheWeightsAre() throws Exception {
        Map<String, String> meanings = new LinkedHashMap<>();
        for (String strategy : List.of("darts", "gdas", "enas")) {
            Path experiment = folder.resolve(strategy);
            Journals.oneShot(experiment, 2, strategy);
            String html = HtmlReport.render(new ReportReader(Journals.PLUGINS).read(experiment));
            meanings.put(strategy, JSON.readTree(embedded(html)).get("mixingWeights").asText());
        }

        assertThat(meanings)
                .containsEntry("darts", "softmax of α")
                .containsEntry("gdas", "softmax of α")
                .containsEntry(
                        "enas", "share of the epoch's sampled paths that took the candidate");
    }

    @Test
    void anUnwritablePathIsNamed() throws Exception {
        Journals.tabular(folder, 3, 1);
        Path blocker = folder.resolve("a-file");
        Files.writeString(blocker, "x");
        Path out = blocker.resolve("report.html");
        assertThatThrownBy(() -> HtmlReport.write(folder, out, Journals.PLUGINS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write " + out);
        assertThatThrownBy(() -> HtmlReport.write(folder, folder, Journals.PLUGINS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write " + folder + ": it is a folder");
    }

    static String embedded(String html) {
        String open = "<script type=\"application/json\" id=\"report-data\">";
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf("</script>", start));
    }
}
