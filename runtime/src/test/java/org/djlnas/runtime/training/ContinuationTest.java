package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-epoch reports, early stopping and continuing a trial from its checkpoint, on real data. */
@Tag("integration")
class ContinuationTest {

    private static final Path DATA = FashionMnist.DEFAULT_DIRECTORY;
    private static FashionMnistSource source;
    private static String engine;

    @TempDir Path folder;

    private final NasBench201Space space = Trials.space(8);
    private final Architecture architecture = Trials.architecture(space, Trials.TEST_CELL);

    @BeforeAll
    static void loadEngineAndData() {
        DataRequirements.requireFashionMnist(DATA);
        engine = TestEngine.name();
        source = new FashionMnistSource(DATA);
    }

    private TrainingEvaluator evaluator() {
        return new TrainingEvaluator(
                space,
                source,
                engine,
                TrainingSettings.defaults().withSplit(new DataSplit(0, 0.1, 640)),
                EngineSelector.discover());
    }

    /** Keeps every report; stops after a given epoch if asked to. */
    private static final class Recorder implements TrialReporter {
        final List<IntermediateValue> reports = new ArrayList<>();
        private final int stopAfter;

        Recorder(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void report(double value, int step) {
            reports.add(new IntermediateValue(0, step, value));
        }

        @Override
        public boolean shouldStop() {
            return reports.get(reports.size() - 1).step() >= stopAfter;
        }
    }

    @Test
    void reportsTheValidationAccuracyAfterEveryEpochAndEndsWithTheFinalOne() throws Exception {
        Recorder recorder = new Recorder(Integer.MAX_VALUE);
        Map<String, Double> metrics =
                evaluator()
                        .evaluate(
                                new TrialSpec(1, architecture, new Budget(3, 640), 11),
                                folder.resolve("1"),
                                java.util.Optional.empty(),
                                recorder);

        assertThat(recorder.reports).extracting(IntermediateValue::step).containsExactly(1, 2, 3);
        assertThat(recorder.reports.get(2).value()).isEqualTo(metrics.get(Metrics.ACCURACY));
        assertThat(recorder.reports).allSatisfy(r -> assertThat(r.value()).isBetween(0.0, 1.0));
    }

    @Test
    void aReporterThatSaysStopEndsTheTrialWithItsMetricsSoFar() {
        Recorder recorder = new Recorder(1);
        assertThatThrownBy(
                        () ->
                                evaluator()
                                        .evaluate(
                                                new TrialSpec(
                                                        2, architecture, new Budget(3, 640), 11),
                                                folder.resolve("2"),
                                                java.util.Optional.empty(),
                                                recorder))
                .isInstanceOf(TrialPrunedException.class)
                .hasMessageContaining("after epoch 1")
                .satisfies(
                        e ->
                                assertThat(((TrialPrunedException) e).metrics())
                                        .containsEntry(
                                                Metrics.ACCURACY, recorder.reports.get(0).value()));
        assertThat(recorder.reports).hasSize(1);
    }

    @Test
    void aContinuedTrialStartsFromTheEarlierTrialsWeights() throws Exception {
        TrainingEvaluator evaluator = evaluator();
        Path earlierFolder = folder.resolve("earlier");
        TrialSpec earlier = new TrialSpec(3, architecture, new Budget(1, 1280), 5);
        Map<String, Double> afterOne =
                evaluator.evaluate(
                        earlier, earlierFolder, java.util.Optional.empty(), TrialReporter.NONE);

        Recorder recorder = new Recorder(Integer.MAX_VALUE);
        TrialSpec continuing =
                new TrialSpec(4, architecture, new Budget(2, 1280), 5, OptionalInt.of(3));
        Map<String, Double> continued =
                evaluator.evaluate(
                        continuing,
                        folder.resolve("continuing"),
                        java.util.Optional.of(earlierFolder),
                        recorder);

        // A fresh network after one (warm-restarted) epoch on 1,280 images stays far below what
        // two epochs in all give; starting from the earlier weights it does better than them.
        Map<String, Double> fromScratchOneEpoch =
                evaluator.evaluate(
                        new TrialSpec(5, architecture, new Budget(1, 1280), 6),
                        folder.resolve("scratch"),
                        java.util.Optional.empty(),
                        TrialReporter.NONE);
        System.out.printf(
                "1 epoch %.4f, continued to 2 epochs %.4f, a fresh epoch %.4f%n",
                afterOne.get(Metrics.ACCURACY),
                continued.get(Metrics.ACCURACY),
                fromScratchOneEpoch.get(Metrics.ACCURACY));
        assertThat(recorder.reports).extracting(IntermediateValue::step).containsExactly(2);
        assertThat(continued.get(Metrics.LOSS)).isLessThan(fromScratchOneEpoch.get(Metrics.LOSS));
        assertThat(continued.get(Metrics.LOSS)).isLessThan(afterOne.get(Metrics.LOSS));
    }

    @Test
    void continuingFromWeightsOfAnotherArchitectureFailsTheTrialWithTheReason() throws Exception {
        TrainingEvaluator evaluator = evaluator();
        Path earlierFolder = folder.resolve("other");
        Architecture other = Trials.architecture(space, Trials.ALL_CONV_3X3);
        evaluator.evaluate(
                new TrialSpec(6, other, new Budget(0.2, 640), 5),
                earlierFolder,
                java.util.Optional.empty(),
                TrialReporter.NONE);

        TrialSpec continuing =
                new TrialSpec(7, architecture, new Budget(1, 640), 5, OptionalInt.of(6));
        assertThatThrownBy(
                        () ->
                                evaluator.evaluate(
                                        continuing,
                                        folder.resolve("7"),
                                        java.util.Optional.of(earlierFolder),
                                        TrialReporter.NONE))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageContaining("cannot continue trial 6");
    }
}
