package org.djlnas.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens reports in a real browser (headless Chromium) and checks, from what the page wrote after
 * rendering, that no script failed and every chart drew its points. In CI (CI=true) a missing
 * Chromium fails the test; elsewhere it skips with a message.
 */
@Tag("integration")
class ReportBrowserTest {

    @TempDir Path folder;

    private HeadlessChromium chromium;

    @BeforeEach
    void findChromium() {
        var found = HeadlessChromium.find(folder.resolve("profile"));
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(
                    "CI=true but chromium is not installed (apt-get install chromium)");
        }
        assumeThat(found).as("chromium is not installed; the browser test is skipped").isPresent();
        chromium = found.get();
    }

    @Test
    void aTrainingSearchDrawsEveryView() throws Exception {
        Path experiment = folder.resolve("training");
        Journals.training(experiment, 30);
        Path page = folder.resolve("training.html");
        HtmlReport.write(experiment, page, Journals.PLUGINS);

        keep(page);
        JsonNode status = chromium.renderStatus(page);
        assertThat(status.get("errors")).as(status.toString()).isEmpty();
        Map<String, Integer> points = points(status);
        // 30 trials: 0..29, of which 4 failed (5, 12, 19, 26) and 5 pruned (4, 9, 14, 24, 29).
        int done = 30 - 4 - 5;
        assertThat(points)
                .containsEntry("trials", 31)
                .containsEntry("best-by-trial", 2 * done)
                .containsEntry("best-by-time", 2 * done)
                .containsEntry("parallel", done)
                .containsEntry("choice-0", done + valuesChosen(experiment, 0))
                .containsEntry("pareto-parameters", done + onFront(experiment, "parameters"))
                .containsEntry("pareto-latencyMs", done + onFront(experiment, "latencyMs"))
                .containsKey("intermediate")
                .containsKey("budgets");
        assertThat(points).allSatisfy((id, n) -> assertThat(n).as(id).isPositive());
        assertThat(status.get("cells")).hasSize(1);
        assertThat(status.get("table").asInt()).isEqualTo(31);
    }

    @Test
    void aDartsSearchDrawsHeatMapsAndCells() throws Exception {
        Path experiment = folder.resolve("darts");
        Journals.darts(experiment, 4);
        Path page = folder.resolve("darts.html");
        HtmlReport.write(experiment, page, Journals.PLUGINS);

        keep(page);
        JsonNode status = chromium.renderStatus(page);
        assertThat(status.get("errors")).as(status.toString()).isEmpty();
        Map<String, Integer> points = points(status);
        // 14 edges x 8 candidates x 4 epochs per cell.
        assertThat(points)
                .containsEntry("alphas-normal", 14 * 8 * 4)
                .containsEntry("alphas-reduce", 14 * 8 * 4)
                .containsEntry("epochs", 2 * 4);
        assertThat(status.get("cells")).hasSize(2);
        for (JsonNode cell : status.get("cells")) {
            assertThat(cell.get("ops").asInt()).isEqualTo(8);
        }
    }

    @Test
    void aTabularSearchOfThousandsOfTrialsDraws() throws Exception {
        Path experiment = folder.resolve("tabular");
        Journals.tabular(experiment, 3000, 2);
        Path page = folder.resolve("tabular.html");
        HtmlReport.write(experiment, page, Journals.PLUGINS);

        keep(page);
        JsonNode status = chromium.renderStatus(page);
        assertThat(status.get("errors")).as(status.toString()).isEmpty();
        assertThat(points(status))
                .containsEntry("trials", 3000)
                .containsEntry("best-by-trial", 6000)
                .containsEntry("parallel", 3000)
                .containsEntry("durations", 3000);
        assertThat(status.get("table").asInt()).isEqualTo(500);
    }

    private static int onFront(Path experiment, String cost) {
        return (int)
                new ReportReader(Journals.PLUGINS)
                        .read(experiment).trials().stream()
                                .filter(t -> t.paretoFronts().contains(cost))
                                .count();
    }

    /** The distinct values finished trials chose for a label: one mean marker each. */
    private static int valuesChosen(Path experiment, int column) {
        return (int)
                new ReportReader(Journals.PLUGINS)
                        .read(experiment).trials().stream()
                                .filter(t -> t.state().equals("done"))
                                .map(t -> t.choices().get(column))
                                .distinct()
                                .count();
    }

    /** With -Dnas.report.keep=DIR, keeps the pages to look at. */
    private static void keep(Path page) throws java.io.IOException {
        String keep = System.getProperty("nas.report.keep");
        if (keep != null) {
            java.nio.file.Files.createDirectories(Path.of(keep));
            java.nio.file.Files.copy(
                    page,
                    Path.of(keep).resolve(page.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Map<String, Integer> points(JsonNode status) {
        Map<String, Integer> points = new HashMap<>();
        status.get("charts")
                .forEach(c -> points.put(c.get("id").asText(), c.get("points").asInt()));
        return points;
    }
}
