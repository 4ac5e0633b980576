package org.djlnas.runtime.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.djlnas.api.eval.Direction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a report's charts as PNG files with JFreeChart, for papers and READMEs: best so far by
 * trial and by wall time, every trial by state, durations, intermediate values, the objective by
 * each choice, the objective against parameters and latency with the Pareto front, and for one-shot
 * searches the epochs' metrics and every cell's architecture weights as heat maps. Parallel
 * coordinates exist only in the HTML report.
 *
 * <p>Long because it holds one short method per chart, in the order the HTML report shows them;
 * split up, that list would no longer read as one.
 */
public final class PngCharts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    private static final Map<String, Color> STATES =
            Map.of(
                    "done", new Color(0x2e8b57),
                    "pruned", new Color(0xe6a100),
                    "infeasible", new Color(0x9467bd),
                    "failed", new Color(0xd62728),
                    "running", new Color(0x1f77b4),
                    "pending", new Color(0x999999));

    private PngCharts() {}

    /**
     * Writes every chart the data allows into a folder, creating it if needed.
     *
     * @param data the report's data
     * @param folder the folder
     * @return the files written, in the report's order
     * @throws IllegalArgumentException if the folder or a file cannot be written, naming it
     */
    public static List<Path> write(ReportData data, Path folder) {
        checkFolder(folder);
        List<Path> written = new ArrayList<>();
        Map<String, JFreeChart> charts = charts(data);
        for (Map.Entry<String, JFreeChart> chart : charts.entrySet()) {
            Path file = folder.resolve(chart.getKey() + ".png");
            byte[] png;
            try {
                png =
                        ChartUtils.encodeAsPNG(
                                chart.getValue()
                                        .createBufferedImage(WIDTH, height(chart.getKey(), data)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode the chart " + chart.getKey(), e);
            }
            AtomicFile.write(file, png);
            written.add(file);
        }
        return written;
    }

    /**
     * Checks, before anything is written, that charts can go into a folder: it is one, or it does
     * not exist yet.
     *
     * @param folder the folder
     * @throws IllegalArgumentException if it is a file, naming it
     */
    public static void checkFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "cannot write charts into " + folder + ": it is not a folder");
        }
    }

    /** Charts by file name, in the report's order. */
    static Map<String, JFreeChart> charts(ReportData data) {
        Map<String, JFreeChart> charts = new java.util.LinkedHashMap<>();
        String objective = data.summary().objective();
        List<TrialRow> done =
                data.trials().stream()
                        .filter(t -> t.state().equals("done") && t.metrics().containsKey(objective))
                        .toList();
        boolean minimized = data.summary().direction().equals(Direction.MINIMIZE.id());
        if (!done.isEmpty()) {
            charts.put("best-by-trial", bestSoFar(done, objective, minimized, false));
            if (done.stream().anyMatch(t -> t.start() != null && t.seconds() != null)) {
                charts.put("best-by-time", bestSoFar(done, objective, minimized, true));
            }
        }
        if (!data.trials().isEmpty()) {
            charts.put("trials", byState(data.trials(), objective));
        }
        if (data.trials().stream().anyMatch(t -> !t.intermediate().isEmpty())) {
            charts.put("intermediate", intermediate(data.trials(), objective));
        }
        for (int c = 0; c < data.choices().size() && !done.isEmpty(); c++) {
            if (data.choices().get(c).values().size() > 1) {
                charts.put("choice-" + c, byChoice(done, data.choices().get(c), c, objective));
            }
        }
        for (String cost : List.of("parameters", "latencyMs")) {
            if (done.stream().anyMatch(t -> t.metrics().containsKey(cost))) {
                charts.put("pareto-" + cost, pareto(done, cost, objective));
            }
        }
        if (!data.epochs().isEmpty()) {
            charts.put("epochs", epochs(data.epochs()));
            alphas(data, charts);
        }
        return charts;
    }

    private static int height(String chart, ReportData data) {
        if (!chart.startsWith("alphas-") || data.epochs().isEmpty()) {
            return HEIGHT;
        }
        String cell = chart.substring("alphas-".length());
        int rows = 0;
        for (Map.Entry<String, List<Double>> edge :
                data.epochs().get(data.epochs().size() - 1).alphas().entrySet()) {
            if (cellOf(edge.getKey()).equals(cell)) {
                rows += edge.getValue().size();
            }
        }
        return Math.max(HEIGHT, rows * 12 + 120);
    }

    private static JFreeChart bestSoFar(
            List<TrialRow> done, String objective, boolean minimized, boolean byTime) {
        XYSeries trials = new XYSeries(byTime ? "trial ends" : "trial");
        XYSeries best = new XYSeries("best so far");
        List<TrialRow> ordered = new ArrayList<>(done);
        if (byTime) {
            ordered.removeIf(t -> t.start() == null || t.seconds() == null);
            ordered.sort(java.util.Comparator.comparingDouble(t -> t.start() + t.seconds()));
        }
        double bestSoFar = minimized ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (TrialRow t : ordered) {
            double x = byTime ? t.start() + t.seconds() : t.number();
            double y = t.metrics().get(objective);
            bestSoFar = minimized ? Math.min(bestSoFar, y) : Math.max(bestSoFar, y);
            trials.add(x, y);
            best.add(x, bestSoFar);
        }
        XYPlot plot = plot(byTime ? "seconds since the first trial started" : "trial", objective);
        plot.setDataset(0, new XYSeriesCollection(best));
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, new Color(0xc23531));
        step.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(0, step);
        plot.setDataset(1, new XYSeriesCollection(trials));
        plot.setRenderer(1, dots(new Color(0x5470c6)));
        return chart("best " + objective + " by " + (byTime ? "wall time" : "trial"), plot);
    }

    private static JFreeChart byState(List<TrialRow> trials, String objective) {
        double floor =
                trials.stream()
                        .map(t -> value(t, objective))
                        .filter(java.util.Objects::nonNull)
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElse(0);
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (String state :
                List.of("done", "pruned", "infeasible", "failed", "running", "pending")) {
            XYSeries series = new XYSeries(state);
            for (TrialRow t : trials) {
                if (t.state().equals(state)) {
                    Double v = value(t, objective);
                    series.add(t.number(), v == null ? floor : v);
                }
            }
            if (!series.isEmpty()) {
                renderer.setSeriesPaint(dataset.getSeriesCount(), STATES.get(state));
                renderer.setSeriesShape(
                        dataset.getSeriesCount(),
                        new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
                dataset.addSeries(series);
            }
        }
        XYPlot plot = plot("trial", objective);
        plot.setDataset(dataset);
        plot.setRenderer(renderer);
        return chart("every trial's " + objective + " by state (failed trials on the floor)", plot);
    }

    private static Double value(TrialRow t, String objective) {
        Double v = t.metrics().get(objective);
        if (v == null && !t.intermediate().isEmpty()) {
            v = t.intermediate().get(t.intermediate().size() - 1)[1];
        }
        return v;
    }

    private static JFreeChart intermediate(List<TrialRow> trials, String objective) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (TrialRow t : trials) {
            if (t.intermediate().isEmpty()) {
                continue;
            }
            XYSeries series = new XYSeries("trial " + t.number());
            t.intermediate().forEach(p -> series.add(p[0], p[1]));
            int i = dataset.getSeriesCount();
            renderer.setSeriesPaint(i, STATES.getOrDefault(t.state(), Color.GRAY));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
            if (t.state().equals("pruned")) {
                renderer.setSeriesStroke(
                        i,
                        new BasicStroke(
                                1f,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10f,
                                new float[] {4f, 4f},
                                0f));
            }
            dataset.addSeries(series);
        }
        XYPlot plot = plot("epoch", objective);
        plot.setDataset(dataset);
        plot.setRenderer(renderer);
        JFreeChart chart = chart("intermediate values per epoch (pruned dashed)", plot);
        chart.removeLegend();
        return chart;
    }

    private static JFreeChart byChoice(
            List<TrialRow> done, ReportData.ChoiceColumn column, int index, String objective) {
        XYSeries points = new XYSeries("trial");
        XYSeries means = new XYSeries("mean");
        double[][] sums = new double[column.values().size()][2];
        for (TrialRow t : done) {
            int i = t.choices().get(index);
            if (i >= 0) {
                double y = t.metrics().get(objective);
                points.add(i + (((t.number() * 0.6180339887) % 1) - 0.5) * 0.5, y);
                sums[i][0] += y;
                sums[i][1]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            if (sums[i][1] > 0) {
                means.add(i, sums[i][0] / sums[i][1]);
            }
        }
        XYPlot plot = plot("", objective);
        plot.setDomainAxis(new SymbolAxis(column.label(), column.values().toArray(String[]::new)));
        plot.setDataset(0, new XYSeriesCollection(means));
        XYLineAndShapeRenderer meanRenderer = new XYLineAndShapeRenderer(false, true);
        meanRenderer.setSeriesPaint(0, new Color(0xc23531));
        meanRenderer.setSeriesShape(0, new java.awt.Rectangle(-12, -2, 24, 4));
        plot.setRenderer(0, meanRenderer);
        plot.setDataset(1, new XYSeriesCollection(points));
        plot.setRenderer(1, dots(new Color(0x5470c6)));
        return chart(objective + " by " + column.label(), plot);
    }

    private static JFreeChart pareto(List<TrialRow> done, String cost, String objective) {
        XYSeries all = new XYSeries("trials");
        XYSeries front = new XYSeries("Pareto front");
        for (TrialRow t : done) {
            Double c = t.metrics().get(cost);
            if (c != null) {
                all.add(c.doubleValue(), t.metrics().get(objective));
                if (t.paretoFronts().contains(cost)) {
                    front.add(c.doubleValue(), t.metrics().get(objective));
                }
            }
        }
        XYPlot plot = plot(cost, objective);
        plot.setDataset(0, new XYSeriesCollection(front));
        XYStepRenderer frontRenderer = new XYStepRenderer();
        frontRenderer.setDefaultShapesVisible(true);
        frontRenderer.setSeriesPaint(0, new Color(0xc23531));
        plot.setRenderer(0, frontRenderer);
        plot.setDataset(1, new XYSeriesCollection(all));
        plot.setRenderer(1, dots(new Color(0x5470c6)));
        return chart(objective + " against " + cost, plot);
    }

    private static JFreeChart epochs(List<EpochRow> epochs) {
        Map<String, XYSeries> series = new TreeMap<>();
        for (EpochRow e : epochs) {
            e.metrics()
                    .forEach(
                            (name, value) -> {
                                if (name.toLowerCase(java.util.Locale.ROOT)
                                        .matches(".*(accuracy|loss).*")) {
                                    series.computeIfAbsent(name, XYSeries::new)
                                            .add(e.epoch(), value);
                                }
                            });
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        series.values().forEach(dataset::addSeries);
        XYPlot plot = plot("epoch", "");
        plot.setDataset(dataset);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        return chart("the supernet's metrics per epoch", plot);
    }

    private static void alphas(ReportData data, Map<String, JFreeChart> charts) {
        Map<String, List<String>> cells = new TreeMap<>();
        data.epochs().get(data.epochs().size() - 1).alphas().keySet().stream()
                .sorted()
                .forEach(
                        edge ->
                                cells.computeIfAbsent(cellOf(edge), c -> new ArrayList<>())
                                        .add(edge));
        for (Map.Entry<String, List<String>> cell : cells.entrySet()) {
            List<String> rows = new ArrayList<>();
            List<double[]> cellsData = new ArrayList<>();
            for (String edge : cell.getValue()) {
                List<String> names = data.edgeCandidates().getOrDefault(edge, List.of());
                int width = data.epochs().get(data.epochs().size() - 1).alphas().get(edge).size();
                for (int k = 0; k < width; k++) {
                    int row = rows.size();
                    rows.add(
                            edge.substring(cell.getKey().length())
                                    + " "
                                    + (k < names.size() ? names.get(k) : "op" + k));
                    for (EpochRow e : data.epochs()) {
                        List<Double> w = e.alphas().get(edge);
                        if (w != null && k < w.size()) {
                            cellsData.add(new double[] {e.epoch(), row, w.get(k)});
                        }
                    }
                }
            }
            double[][] xyz = new double[3][cellsData.size()];
            double max = 0;
            for (int i = 0; i < cellsData.size(); i++) {
                for (int d = 0; d < 3; d++) {
                    xyz[d][i] = cellsData.get(i)[d];
                }
                max = Math.max(max, cellsData.get(i)[2]);
            }
            DefaultXYZDataset dataset = new DefaultXYZDataset();
            dataset.addSeries("alpha", xyz);
            LookupPaintScale scale =
                    new LookupPaintScale(0, Math.max(max, 1e-9) * 1.0001, Color.WHITE);
            for (int i = 0; i <= 20; i++) {
                scale.add(max * i / 20.0, heat(i / 20.0));
            }
            XYBlockRenderer renderer = new XYBlockRenderer();
            renderer.setPaintScale(scale);
            NumberAxis epochAxis = new NumberAxis("epoch");
            epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            SymbolAxis rowAxis = new SymbolAxis("", rows.toArray(String[]::new));
            rowAxis.setInverted(true);
            rowAxis.setGridBandsVisible(false);
            rowAxis.setTickLabelFont(rowAxis.getTickLabelFont().deriveFont(9f));
            XYPlot plot = new XYPlot(dataset, epochAxis, rowAxis, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            JFreeChart chart =
                    chart(
                            "architecture weights ("
                                    + data.mixingWeights().replace("α", "alpha")
                                    + "): "
                                    + cell.getKey(),
                            plot);
            chart.removeLegend();
            PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis());
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setMargin(4, 4, 4, 4);
            chart.addSubtitle(legend);
            charts.put("alphas-" + cell.getKey().replaceAll("[^A-Za-z0-9_-]", "_"), chart);
        }
    }

    private static String cellOf(String edge) {
        int cut = edge.lastIndexOf("/node");
        return cut > 0 ? edge.substring(0, cut) : edge;
    }

    private static Paint heat(double t) {
        // White through orange to dark red, as the HTML report's heat map.
        Color a = t < 0.5 ? Color.WHITE : new Color(0xfdae61);
        Color b = t < 0.5 ? new Color(0xfdae61) : new Color(0xa50026);
        double f = t < 0.5 ? t * 2 : (t - 0.5) * 2;
        return new Color(
                (int) (a.getRed() + f * (b.getRed() - a.getRed())),
                (int) (a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) (a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private static XYPlot plot(String x, String y) {
        NumberAxis xAxis = new NumberAxis(x);
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis(y);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return plot;
    }

    private static XYLineAndShapeRenderer dots(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(
                0, new Color(color.getRed(), color.getGreen(), color.getBlue(), 150));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        return renderer;
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart =
                new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT.deriveFont(14f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
