package org.djlnas.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.djlnas.api.eval.Metrics;
import org.djlnas.runtime.search.BaselineComparison;
import org.djlnas.runtime.search.Retraining;

/**
 * Prints what {@code nas search --retrain-epochs} retrained: the found network and the baseline,
 * one line each on the test set, or one JSON object.
 *
 * @param out where to print
 * @param json whether to print JSON
 */
record ComparisonOutput(PrintWriter out, boolean json) {

    void print(BaselineComparison.Result result) {
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("retrained", node(result.found()));
            result.baseline().ifPresent(b -> root.put("baseline", node(b)));
            Json.print(out, root);
            return;
        }
        out.println("on the test set, after training from scratch on the whole training split:");
        line("found", result.found());
        result.baseline().ifPresent(b -> line("baseline", b));
        out.flush();
    }

    private void line(String role, Retraining.Report report) {
        StringBuilder test = new StringBuilder();
        report.testMetrics()
                .forEach(
                        (name, value) ->
                                test.append(
                                        String.format(
                                                Locale.ROOT,
                                                "  %s %.4f",
                                                TestMetricNames.shown(name),
                                                value)));
        out.printf(
                Locale.ROOT,
                "  %-9s %-14s %-17s%s  %,.0f parameters  %.1f s  (%s)%n",
                role,
                report.request().space(),
                report.request().architecture().id(),
                test,
                report.metrics().getOrDefault(Metrics.PARAMETERS, Double.NaN),
                report.wall().toMillis() / 1000.0,
                report.folder());
    }

    private static Map<String, Object> node(Retraining.Report report) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("space", report.request().space());
        node.put("id", report.request().architecture().id());
        node.put("metrics", report.metrics());
        node.putAll(report.testMetrics());
        node.put("wallSeconds", report.wall().toMillis() / 1000.0);
        node.put("out", report.folder().toString());
        return node;
    }
}
