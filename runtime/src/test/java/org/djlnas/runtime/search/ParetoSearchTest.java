package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.report.ReportData;
import org.djlnas.runtime.report.ReportReader;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.testing.SizedEvaluatorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search with two objectives and a constraint: candidates that break the constraint before
 * training are journaled infeasible and never trained, and best.json holds the Pareto front.
 */
class ParetoSearchTest {

    @TempDir Path folder;

    /** The discovered plug-ins and the test evaluator {@code sized}. */
    static Plugins withSized(SizedEvaluatorProvider sized) {
        PluginCatalog found = PluginCatalog.discover();
        List<org.djlnas.api.eval.EvaluatorProvider> evaluators =
                new ArrayList<>(found.evaluators());
        evaluators.add(sized);
        return Plugins.of(
                new PluginCatalog(
                        found.spaces(),
                        found.strategies(),
                        found.oneShotStrategies(),
                        found.operations(),
                        evaluators,
                        found.benchmarkTables(),
                        found.pruners(),
                        found.dataSources(),
                        found.engines()));
    }

    @Test
    void infeasibleCandidatesAreNeverTrainedAndBestJsonHoldsTheFront() throws Exception {
        SizedEvaluatorProvider sized = new SizedEvaluatorProvider();
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("random")
                        .optEvaluator(SizedEvaluatorProvider.ID)
                        .optTrials(40)
                        .optSeed(5)
                        .optObjectives(List.of("accuracy:max", "params:min"))
                        .optConstraints(List.of("params<=2000"))
                        .build();
        Path out = folder.resolve("experiment");
        SearchReport report;
        Plugins plugins = withSized(sized);
        try (SearchSession session = SearchSession.create(out, config, plugins)) {
            assertThat(session.objective().metric()).isEqualTo("accuracy");
            report = session.run(List.of());
        }
        List<TrialRecord> trials;
        try (SqliteExperimentStore store = SqliteExperimentStore.open(out)) {
            trials = store.trials();
        }
        List<TrialRecord> done = new ArrayList<>();
        for (TrialRecord trial : trials) {
            double parameters =
                    SizedEvaluatorProvider.parameters(trial.spec().architecture().values());
            assertThat(trial.state())
                    .isEqualTo(parameters > 2000 ? TrialState.INFEASIBLE : TrialState.DONE);
            assertThat(trial.metrics()).containsEntry("parameters", parameters);
            if (trial.state() == TrialState.DONE) {
                done.add(trial);
            } else {
                assertThat(trial.errorMessage().orElseThrow())
                        .isEqualTo(
                                "before training: parameters = "
                                        + (long) parameters
                                        + " breaks parameters<=2000");
            }
        }
        assertThat(done).hasSizeBetween(5, 35);
        assertThat(sized.trained()).isEqualTo(done.size());

        List<Integer> expected = new ArrayList<>();
        for (TrialRecord trial : done) {
            if (done.stream().noneMatch(other -> dominates(other, trial))) {
                expected.add(trial.number());
            }
        }
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(report.front()).extracting(TrialRecord::number).isEqualTo(expected);

        JsonNode best = new ObjectMapper().readTree(out.resolve("best.json").toFile());
        assertThat(best.get("objectives").toString())
                .isEqualTo("[\"accuracy:max\",\"parameters:min\"]");
        List<Integer> written = new ArrayList<>();
        for (JsonNode member : best.get("front")) {
            written.add(member.get("trial").asInt());
            TrialRecord trial = trials.get(member.get("trial").asInt() - 1);
            assertThat(member.get("id").asText()).isEqualTo(trial.spec().architecture().id());
            assertThat(member.get("metrics").get("parameters").asDouble())
                    .isEqualTo(trial.metric("parameters").getAsDouble());
            assertThat(member.has("benchmarkString")).isTrue();
        }
        assertThat(written).isEqualTo(expected);
        double bestAccuracy =
                done.stream().mapToDouble(t -> t.metric("accuracy").getAsDouble()).max().orElse(0);
        assertThat(best.get("metrics").get("accuracy").asDouble()).isEqualTo(bestAccuracy);

        ReportData read = new ReportReader(plugins).read(out);
        assertThat(read.summary().objectives()).containsExactly("accuracy:max", "parameters:min");
        assertThat(read.summary().constraints()).containsExactly("parameters<=2000");
        assertThat(read.trials())
                .filteredOn(row -> row.state().equals("infeasible"))
                .hasSize(trials.size() - done.size());

        TrialRecord small =
                done.stream()
                        .filter(t -> expected.contains(t.number()))
                        .filter(t -> t.metric("parameters").getAsDouble() <= 1000)
                        .max(
                                java.util.Comparator.comparingDouble(
                                        (TrialRecord t) -> t.metric("accuracy").getAsDouble()))
                        .orElseThrow();
        TrialPick picked = TrialPick.onFront(out, List.of("params<=1000"));
        assertThat(picked.trial().number()).isEqualTo(small.number());
        assertThat(picked.found().architecture()).isEqualTo(small.spec().architecture());
        assertThat(picked.found().config()).isEqualTo(config);
        TrialRecord infeasible =
                trials.stream()
                        .filter(t -> t.state() == TrialState.INFEASIBLE)
                        .findFirst()
                        .orElseThrow();
        assertThatThrownBy(() -> TrialPick.byNumber(out, infeasible.number()))
                .hasMessageStartingWith("`trial` " + infeasible.number() + " is infeasible (")
                .hasMessageEndingWith("); expected a done trial");
        assertThat(TrialPick.byNumber(out, small.number()).trial()).isEqualTo(small);
    }

    @Test
    void aResumedSearchKeepsItsInfeasibleTrialsAndTrainsOnlyNewFeasibleOnes() throws Exception {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("random")
                        .optEvaluator(SizedEvaluatorProvider.ID)
                        .optTrials(10)
                        .optSeed(8)
                        .optObjectives(List.of("accuracy:max", "params:min"))
                        .optConstraints(List.of("params<=2000"))
                        .build();
        Path out = folder.resolve("experiment");
        SizedEvaluatorProvider first = new SizedEvaluatorProvider();
        try (SearchSession session = SearchSession.create(out, config, withSized(first))) {
            session.run(List.of());
        }
        List<TrialRecord> before;
        try (SqliteExperimentStore store = SqliteExperimentStore.open(out)) {
            before = store.trials();
        }
        SizedEvaluatorProvider second = new SizedEvaluatorProvider();
        SearchReport resumed;
        try (SearchSession session =
                SearchSession.resume(
                        out,
                        java.util.OptionalInt.of(20),
                        java.util.Optional.empty(),
                        withSized(second))) {
            resumed = session.run(List.of());
        }
        List<TrialRecord> after = resumed.result().trials();
        assertThat(after).hasSize(20);
        assertThat(after.subList(0, 10))
                .extracting(t -> t.spec().architecture().id() + " " + t.state())
                .isEqualTo(
                        before.stream()
                                .map(t -> t.spec().architecture().id() + " " + t.state())
                                .toList());
        assertThat(before).anyMatch(t -> t.state() == TrialState.INFEASIBLE);
        assertThat(second.trained())
                .isEqualTo(
                        after.subList(10, 20).stream()
                                .filter(t -> t.state() == TrialState.DONE)
                                .count());
    }

    private static boolean dominates(TrialRecord a, TrialRecord b) {
        double accuracyA = a.metric("accuracy").getAsDouble();
        double accuracyB = b.metric("accuracy").getAsDouble();
        double sizeA = a.metric("parameters").getAsDouble();
        double sizeB = b.metric("parameters").getAsDouble();
        return accuracyA >= accuracyB && sizeA <= sizeB && (accuracyA > accuracyB || sizeA < sizeB);
    }
}
