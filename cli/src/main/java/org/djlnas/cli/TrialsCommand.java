package org.djlnas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.SearchObjective;
import org.djlnas.runtime.search.TrialFront;
import org.djlnas.runtime.store.SqliteExperimentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas trials DIR}: lists the trials an experiment journaled. */
@Command(
        name = "trials",
        description = {
            "List the trials of an experiment: state, architecture, metrics, seconds.",
            "With several objectives, * marks the trials on the Pareto front (in --json, 'front')."
        })
final class TrialsCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The experiment folder (--out of nas search).")
    private Path folder = Path.of(".");

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    @Override
    public Integer call() {
        List<TrialRecord> trials;
        Map<Integer, List<Map<String, Object>>> reports = new TreeMap<>();
        List<Objective> objectives = List.of();
        ExperimentFolder.requireJournal(folder);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            trials = store.trials();
            for (IntermediateValue report : store.reports()) {
                reports.computeIfAbsent(report.trial(), t -> new ArrayList<>())
                        .add(Map.of("step", report.step(), "value", report.value()));
            }
            Optional<String> config = store.readConfig();
            if (config.isPresent()) {
                objectives =
                        SearchObjective.objectives(
                                ExperimentConfig.fromJson(config.get()),
                                store.readMeta(SearchObjective.META_KEY));
            }
        }
        // With several objectives, the trials on the Pareto front are marked.
        Optional<Set<Integer>> front =
                objectives.size() > 1
                        ? Optional.of(
                                TrialFront.of(trials, objectives).stream()
                                        .map(TrialRecord::number)
                                        .collect(Collectors.toSet()))
                        : Optional.empty();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TrialRecord trial : trials) {
                Map<String, Object> row = row(trial);
                front.ifPresent(members -> row.put("front", members.contains(trial.number())));
                row.put("reports", reports.getOrDefault(trial.number(), List.of()));
                rows.add(row);
            }
            Json.print(spec.commandLine().getOut(), rows);
        } else {
            print(trials, objectives, front);
        }
        return 0;
    }

    private static Map<String, Object> row(TrialRecord trial) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("trial", trial.number());
        row.put("state", trial.state().name().toLowerCase(Locale.ROOT));
        row.put("id", trial.spec().architecture().id());
        row.put("architecture", Json.tree(trial.spec().architecture().toJson()));
        row.put("epochs", trial.spec().budget().epochs());
        trial.spec().continues().ifPresent(earlier -> row.put("continues", earlier));
        row.put("seed", trial.spec().seed());
        row.put("metrics", trial.metrics());
        trial.seconds().ifPresent(s -> row.put("seconds", s));
        trial.errorMessage().ifPresent(e -> row.put("error", e));
        return row;
    }

    private void print(
            List<TrialRecord> trials, List<Objective> objectives, Optional<Set<Integer>> front) {
        var out = spec.commandLine().getOut();
        front.ifPresent(
                members ->
                        out.printf(
                                "objectives %s; * marks the %d trials on the Pareto front%n",
                                objectives.stream()
                                        .map(Objective::toString)
                                        .collect(Collectors.joining(", ")),
                                members.size()));
        out.printf(
                "%-6s %-10s %-17s %-7s %-6s %-9s %s%n",
                "TRIAL", "STATE", "ARCHITECTURE", "EPOCHS", "FROM", "SECONDS", "METRICS");
        for (TrialRecord trial : trials) {
            String seconds =
                    trial.seconds().isPresent()
                            ? String.format(Locale.ROOT, "%.1f", trial.seconds().getAsDouble())
                            : "-";
            String details =
                    trial.errorMessage()
                            .orElseGet(
                                    () ->
                                            trial.metrics().entrySet().stream()
                                                    .map(
                                                            m ->
                                                                    m.getKey()
                                                                            + "="
                                                                            + String.format(
                                                                                    Locale.ROOT,
                                                                                    "%.4g",
                                                                                    m.getValue()))
                                                    .sorted()
                                                    .reduce((a, b) -> a + " " + b)
                                                    .orElse(""));
            boolean onFront = front.isPresent() && front.get().contains(trial.number());
            out.printf(
                    "%-6s %-10s %-17s %-7s %-6s %-9s %s%n",
                    trial.number() + (onFront ? "*" : ""),
                    trial.state().name().toLowerCase(Locale.ROOT),
                    trial.spec().architecture().id(),
                    String.format(Locale.ROOT, "%.4g", trial.spec().budget().epochs()),
                    trial.spec().continues().isPresent()
                            ? Integer.toString(trial.spec().continues().getAsInt())
                            : "-",
                    seconds,
                    details);
        }
        out.flush();
    }
}
