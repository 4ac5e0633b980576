package org.djlnas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.runtime.store.SqliteExperimentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas epochs DIR}: shows how a one-shot search moved, epoch by epoch. */
@Command(
        name = "epochs",
        description = {
            "List the epochs of a one-shot search (darts, gdas, enas, spos): the architecture"
                    + " derived after each, the supernet's accuracy and the time taken.",
            "--json adds every edge's mixing weights (softmax of alpha; for enas, how often each"
                    + " operation was on the sampled paths) per epoch."
        })
final class EpochsCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The experiment folder (--out of nas search).")
    private Path folder = Path.of(".");

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    @Override
    public Integer call() {
        List<EpochRecord> epochs;
        ExperimentFolder.requireJournal(folder);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            epochs = store.epochs();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (EpochRecord epoch : epochs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("epoch", epoch.epoch());
                row.put("id", epoch.architecture().id());
                row.put("architecture", Json.tree(epoch.architecture().toJson()));
                row.put("metrics", epoch.metrics());
                row.put("mixingWeights", epoch.mixingWeights());
                rows.add(row);
            }
            Json.print(out, rows);
            return 0;
        }
        if (epochs.isEmpty()) {
            out.println(
                    "no epoch journaled in " + folder + " (not a one-shot search, or not begun)");
            out.flush();
            return 0;
        }
        String row = "%-6s %-17s %-10s %-10s %s%n";
        boolean regression = epochs.get(0).metrics().containsKey(VALIDATION_RMSE);
        String metric = regression ? VALIDATION_RMSE : "validationAccuracy";
        out.printf(
                Locale.ROOT,
                row,
                "EPOCH",
                "ARCHITECTURE",
                regression ? "VAL RMSE" : "VAL ACC",
                "SECONDS",
                "CHANGED");
        EpochRecord previous = null;
        for (EpochRecord epoch : epochs) {
            out.printf(
                    Locale.ROOT,
                    row,
                    epoch.epoch(),
                    epoch.architecture().id(),
                    String.format(
                            Locale.ROOT, "%.4f", epoch.metrics().getOrDefault(metric, Double.NaN)),
                    String.format(
                            Locale.ROOT,
                            "%.1f",
                            epoch.metrics().getOrDefault("seconds", Double.NaN)),
                    previous == null ? "-" : changed(previous, epoch));
            previous = epoch;
        }
        out.flush();
        return 0;
    }

    /** The supernet's validation RMSE, which a one-shot search on a regression reports. */
    private static final String VALIDATION_RMSE = "validationRmse";

    private static String changed(EpochRecord before, EpochRecord after) {
        List<String> labels = new ArrayList<>();
        for (String label : after.architecture().values().keySet()) {
            Object old = before.architecture().values().get(label);
            if (!after.architecture().values().get(label).equals(old)) {
                labels.add(label + "=" + after.architecture().values().get(label));
            }
        }
        return labels.isEmpty() ? "nothing" : String.join(" ", labels);
    }
}
