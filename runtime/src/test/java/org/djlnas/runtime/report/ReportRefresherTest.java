package org.djlnas.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRefresherTest {

    @TempDir Path folder;

    @Test
    void writesAtStartAfterEveryEpochAtMostOncePerIntervalAfterTrialsAndAtTheEnd()
            throws Exception {
        Journals.tabular(folder, 5, 1);
        Path out = folder.resolve("report.html");
        ReportRefresher refresher =
                new ReportRefresher(folder, out, Journals.PLUGINS, Duration.ofHours(1));

        refresher.onStart(0, 0);
        assertThat(trials(out)).isEqualTo(5);
        Files.delete(out);
        refresher.onTrialFinished(null, null);
        assertThat(out).as("written again within the interval").doesNotExist();
        refresher.onEpoch(null);
        assertThat(out).as("every epoch is written").exists();
        Files.delete(out);
        refresher.finish();
        assertThat(trials(out)).isEqualTo(5);
    }

    @Test
    void aReportThatCannotBeWrittenDoesNotStopTheSearch() throws Exception {
        Journals.tabular(folder, 2, 1);
        Path blocker = Files.writeString(folder.resolve("blocker"), "x");
        ReportRefresher refresher =
                new ReportRefresher(
                        folder, blocker.resolve("report.html"), Journals.PLUGINS, Duration.ZERO);
        refresher.onStart(0, 0);
        refresher.finish();
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    private static int trials(Path html) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(HtmlReportTest.embedded(Files.readString(html)))
                .get("trials")
                .size();
    }
}
