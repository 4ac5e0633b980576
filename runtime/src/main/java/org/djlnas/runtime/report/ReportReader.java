package org.djlnas.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.supernet.SearchCell;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.benchmark.TabularBenchmarkEvaluatorProvider;
import org.djlnas.runtime.experiment.BestTrial;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchObjective;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.runtime.training.TrainingEvaluatorProvider;
import org.jspecify.annotations.Nullable;

/**
 * Reads an experiment's journal into a {@link ReportData}: the configuration, every trial, every
 * intermediate value and, for one-shot searches, every epoch. The space is rebuilt from the
 * configuration (when its plug-in is present) to name the candidates of architecture weights and to
 * draw the cells.
 */
public final class ReportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Metrics that cost, smaller is better; a Pareto front trades the objective against each. */
    private static final List<String> COSTS = List.of(Metrics.PARAMETERS, Metrics.LATENCY_MS);

    private final Plugins plugins;

    /**
     * Creates a reader.
     *
     * @param plugins the plug-ins that rebuild the experiment's space
     */
    public ReportReader(Plugins plugins) {
        this.plugins = java.util.Objects.requireNonNull(plugins, "plugins is null");
    }

    /**
     * Reads an experiment folder, which may belong to a search still running.
     *
     * @param folder the experiment folder
     * @return the report's data
     * @throws IllegalArgumentException if the folder holds no journal, or one this version cannot
     *     read (the message names the file)
     */
    public ReportData read(Path folder) {
        if (!java.nio.file.Files.isRegularFile(folder.resolve(SqliteExperimentStore.FILE_NAME))) {
            throw new IllegalArgumentException(
                    folder
                            + " holds no experiment (no "
                            + SqliteExperimentStore.FILE_NAME
                            + "); expected the folder of a search");
        }
        ExperimentConfig config;
        List<TrialRecord> trials;
        List<IntermediateValue> reports;
        List<EpochRecord> epochs;
        Optional<String> journaledObjective;
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            String json =
                    store.readConfig()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    folder.resolve(SqliteExperimentStore.FILE_NAME)
                                                            + " holds no experiment configuration;"
                                                            + " the search never began"));
            config = ExperimentConfig.fromJson(json);
            trials = store.trials();
            reports = store.reports();
            epochs = store.epochs();
            journaledObjective = store.readMeta(SearchObjective.META_KEY);
        } catch (StoreException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Optional<SearchSpace> space = space(config);
        SearchObjective objective =
                journaledObjective
                        .map(SearchObjective::fromJson)
                        .orElseGet(
                                () ->
                                        new SearchObjective(
                                                objective(config, trials), Direction.MAXIMIZE));
        Optional<TrialRecord> best = best(trials, objective);
        Instant origin =
                trials.stream()
                        .map(TrialRecord::startedAt)
                        .filter(java.util.Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(null);
        List<ReportData.ChoiceColumn> columns = new ArrayList<>();
        List<TrialRow> rows = trialRows(trials, reports, objective, origin, columns);
        List<EpochRow> epochRows = new ArrayList<>();
        for (EpochRecord epoch : epochs) {
            epochRows.add(
                    new EpochRow(
                            epoch.epoch(),
                            epoch.architecture().id(),
                            epoch.metrics(),
                            epoch.mixingWeights()));
        }
        Architecture shown =
                !epochs.isEmpty()
                        ? epochs.get(epochs.size() - 1).architecture()
                        : best.map(b -> b.spec().architecture()).orElse(null);
        ReportSummary summary =
                summary(folder, config, objective, trials, epochs, best.orElse(null), shown);
        return new ReportData(
                summary,
                columns,
                rows,
                epochRows,
                edgeCandidates(space),
                shown == null ? List.of() : cells(space, shown));
    }

    private Optional<SearchSpace> space(ExperimentConfig config) {
        try {
            return Optional.of(plugins.space(config.space(), config.spaceSettings()));
        } catch (RuntimeException e) {
            // A space whose plug-in is missing: the report goes without cells and candidate names.
            return Optional.empty();
        }
    }

    /**
     * The metric the experiment's evaluator maximizes, for journals written before the objective
     * was journaled (all of them maximised).
     */
    static String objective(ExperimentConfig config, List<TrialRecord> trials) {
        String evaluator = config.evaluatorId();
        if (evaluator.equals(TabularBenchmarkEvaluatorProvider.ID)) {
            return Metrics.SCORE;
        }
        if (evaluator.equals(TrainingEvaluatorProvider.ID)) {
            return Metrics.ACCURACY;
        }
        for (String candidate : List.of(Metrics.SCORE, Metrics.ACCURACY)) {
            if (trials.stream().anyMatch(t -> t.metric(candidate).isPresent())) {
                return candidate;
            }
        }
        return trials.stream()
                .flatMap(t -> t.metrics().keySet().stream())
                .sorted()
                .findFirst()
                .orElse(Metrics.SCORE);
    }

    private static Optional<TrialRecord> best(List<TrialRecord> trials, SearchObjective objective) {
        return BestTrial.of(trials, objective.metric(), objective.direction());
    }

    private static List<TrialRow> trialRows(
            List<TrialRecord> trials,
            List<IntermediateValue> reports,
            SearchObjective objective,
            @Nullable Instant origin,
            List<ReportData.ChoiceColumn> columns) {
        Map<Integer, List<double[]>> steps = new HashMap<>();
        for (IntermediateValue report : reports) {
            steps.computeIfAbsent(report.trial(), t -> new ArrayList<>())
                    .add(new double[] {report.step(), report.value()});
        }
        Map<String, Map<String, Integer>> indices = new TreeMap<>();
        for (TrialRecord trial : trials) {
            trial.spec()
                    .architecture()
                    .values()
                    .forEach(
                            (label, value) ->
                                    indices.computeIfAbsent(label, l -> new LinkedHashMap<>())
                                            .putIfAbsent(text(value), 0));
        }
        List<String> labels = new ArrayList<>(indices.keySet());
        for (String label : labels) {
            Map<String, Integer> values = indices.get(label);
            int i = 0;
            for (Map.Entry<String, Integer> entry : values.entrySet()) {
                entry.setValue(i++);
            }
            columns.add(new ReportData.ChoiceColumn(label, new ArrayList<>(values.keySet())));
        }
        List<boolean[]> fronts = new ArrayList<>();
        for (String cost : COSTS) {
            fronts.add(ParetoFront.mark(trials, objective, cost));
        }
        List<TrialRow> rows = new ArrayList<>(trials.size());
        for (int t = 0; t < trials.size(); t++) {
            TrialRecord trial = trials.get(t);
            Map<String, Object> values = trial.spec().architecture().values();
            List<String> onFront = new ArrayList<>();
            for (int c = 0; c < COSTS.size(); c++) {
                if (fronts.get(c)[t]) {
                    onFront.add(COSTS.get(c));
                }
            }
            List<Integer> chosen = new ArrayList<>(labels.size());
            for (String label : labels) {
                Object value = values.get(label);
                chosen.add(value == null ? -1 : indices.get(label).get(text(value)));
            }
            rows.add(
                    new TrialRow(
                            trial.number(),
                            trial.state().name().toLowerCase(Locale.ROOT),
                            trial.spec().architecture().id(),
                            chosen,
                            new TreeMap<>(trial.metrics()),
                            trial.spec().budget().epochs(),
                            trial.spec().continues().isPresent()
                                    ? trial.spec().continues().getAsInt()
                                    : null,
                            trial.spec().seed(),
                            origin == null || trial.startedAt() == null
                                    ? null
                                    : seconds(origin, trial.startedAt()),
                            trial.seconds().isPresent() ? trial.seconds().getAsDouble() : null,
                            steps.getOrDefault(trial.number(), List.of()),
                            trial.error(),
                            onFront));
        }
        return rows;
    }

    private static double seconds(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1e9;
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static ReportSummary summary(
            Path folder,
            ExperimentConfig config,
            SearchObjective objective,
            List<TrialRecord> trials,
            List<EpochRecord> epochs,
            @Nullable TrialRecord best,
            @Nullable Architecture shown) {
        double wall;
        if (!epochs.isEmpty()) {
            wall = epochs.stream().mapToDouble(e -> e.metrics().getOrDefault("seconds", 0.0)).sum();
        } else {
            Instant first =
                    trials.stream()
                            .map(TrialRecord::startedAt)
                            .filter(java.util.Objects::nonNull)
                            .min(Comparator.naturalOrder())
                            .orElse(null);
            Instant last =
                    trials.stream()
                            .map(TrialRecord::endedAt)
                            .filter(java.util.Objects::nonNull)
                            .max(Comparator.naturalOrder())
                            .orElse(null);
            wall = first == null || last == null ? 0 : Math.max(0, seconds(first, last));
        }
        Map<String, Double> bestMetrics =
                !epochs.isEmpty()
                        ? epochs.get(epochs.size() - 1).metrics()
                        : best == null ? null : new TreeMap<>(best.metrics());
        String data =
                config.benchmark() != null
                        ? "benchmark table " + config.benchmark()
                        : config.dataset() == null ? "-" : config.dataset();
        return new ReportSummary(
                folder.toAbsolutePath().normalize().toString(),
                config.space(),
                config.spaceSettings(),
                config.strategy(),
                config.strategySettings(),
                data,
                config.evaluatorId(),
                config.evaluatorSettings() == null ? Map.of() : config.evaluatorSettings(),
                config.engine(),
                config.seed(),
                config.trials(),
                config.epochs(),
                config.maxTrainExamples(),
                config.pruner() == null ? "none" : config.pruner(),
                objective.metric(),
                objective.direction().id(),
                config.objectives() == null ? List.of() : config.objectives(),
                config.constraints() == null ? List.of() : config.constraints(),
                !epochs.isEmpty(),
                wall,
                best == null ? null : best.number(),
                shown == null ? null : shown.toJson(),
                bestMetrics,
                Instant.now().toString());
    }

    private static Map<String, List<String>> edgeCandidates(Optional<SearchSpace> space) {
        Map<String, List<String>> result = new TreeMap<>();
        if (space.orElse(null) instanceof OneShotSpace oneShot) {
            for (SearchCell searchCell : oneShot.searchCells()) {
                var cell = searchCell.cell();
                for (int node = cell.inputs(); node < cell.inputs() + cell.nodes(); node++) {
                    for (int from = 0; from < node; from++) {
                        result.put(cell.edgeLabel(node, from), searchCell.candidates());
                    }
                }
            }
        }
        return result;
    }

    private static List<ReportData.CellDiagram> cells(
            Optional<SearchSpace> space, Architecture architecture) {
        List<ReportData.CellDiagram> result = new ArrayList<>();
        if (space.orElse(null) instanceof OneShotSpace oneShot) {
            for (SearchCell searchCell : oneShot.searchCells()) {
                try {
                    result.add(
                            new ReportData.CellDiagram(
                                    searchCell.cell().label(),
                                    CellSvg.draw(searchCell.cell(), architecture)));
                } catch (IllegalArgumentException e) {
                    // The architecture lacks this cell's choices (another space's settings).
                }
            }
        }
        return result;
    }
}
