package org.djlnas.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngChartsTest {

    @TempDir Path folder;

    @Test
    void aTrainingSearchGivesOneDrawnPngPerChart() throws Exception {
        Journals.training(folder.resolve("exp"), 20);
        ReportData data = new ReportReader(Journals.PLUGINS).read(folder.resolve("exp"));
        List<Path> files = PngCharts.write(data, folder.resolve("png"));
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "best-by-trial.png",
                        "best-by-time.png",
                        "trials.png",
                        "intermediate.png",
                        "choice-0.png",
                        "pareto-parameters.png",
                        "pareto-latencyMs.png")
                .doesNotContain("epochs.png");
        for (Path file : files) {
            assertDrawn(file);
        }
    }

    @Test
    void aDartsSearchGivesHeatMapsOfEveryCell() throws Exception {
        Journals.darts(folder.resolve("exp"), 3);
        ReportData data = new ReportReader(Journals.PLUGINS).read(folder.resolve("exp"));
        List<Path> files = PngCharts.write(data, folder.resolve("png"));
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("epochs.png", "alphas-normal.png", "alphas-reduce.png");
        for (Path file : files) {
            assertDrawn(file);
        }
        // 14 edges of 8 candidates: one row each.
        assertThat(ImageIO.read(files.get(1).toFile()).getHeight()).isGreaterThan(14 * 8 * 12);
    }

    @Test
    void aFileInPlaceOfTheFolderIsNamed() throws Exception {
        Journals.tabular(folder.resolve("exp"), 3, 1);
        ReportData data = new ReportReader(Journals.PLUGINS).read(folder.resolve("exp"));
        Path file = Files.writeString(folder.resolve("taken"), "x");
        assertThatThrownBy(() -> PngCharts.write(data, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write charts into " + file + ": it is not a folder");
    }

    /** A PNG of the chart's size with a good share of coloured (drawn) pixels. */
    private static void assertDrawn(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1000);
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("coloured pixels in " + file).isGreaterThan(100);
    }
}
