package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a small network on a real regression, scikit-learn's diabetes table, through the one
 * training loop: L2 loss on the standardised target, RMSE and MAE in the target's units, minimised.
 */
@Tag("integration")
class RegressionTrainingTest {

    private static DiabetesSource data;
    private static String engine;

    @TempDir Path saveDir;

    @BeforeAll
    static void loadEngineAndData() throws Exception {
        assertThat(DiabetesSource.isInstalled())
                .as(
                        "scikit-learn's data sets in %s (Debian: python3-sklearn)",
                        DiabetesSource.FOLDER)
                .isTrue();
        engine = TestEngine.name();
        data = DiabetesSource.load();
    }

    private TrainingEvaluator evaluator() {
        return new TrainingEvaluator(
                new TinyMlpSpace(1),
                data,
                engine,
                TrainingSettings.defaults().withSplit(DataSplit.of(0)).withBatchSize(32),
                EngineSelector.discover());
    }

    @Test
    void aRegressionIsScoredByRmseMinimisedAndBeatsPredictingTheMean() throws Exception {
        TrainingEvaluator evaluator = evaluator();
        assertThat(evaluator.objective()).isEqualTo(Metrics.RMSE);
        assertThat(evaluator.direction()).isEqualTo(Direction.MINIMIZE);
        TinyMlpSpace space = new TinyMlpSpace(1);

        Map<String, Double> metrics =
                evaluator.evaluate(
                        new TrialSpec(1, space.architecture(), new Budget(40, 0), 7),
                        saveDir,
                        Optional.empty(),
                        TrialReporter.NONE);

        assertThat(metrics).containsKeys(Metrics.RMSE, Metrics.MAE, Metrics.LOSS);
        assertThat(metrics).doesNotContainKey(Metrics.ACCURACY);
        double validationBaseline = meanBaseline(validationTargets(), data.trainingTargets());
        assertThat(metrics.get(Metrics.RMSE)).isLessThan(0.92 * validationBaseline);
        assertThat(metrics.get(Metrics.MAE)).isLessThan(metrics.get(Metrics.RMSE));

        Map<String, Double> test = evaluator.testMetrics(space.architecture(), saveDir);
        assertThat(test).containsOnlyKeys(Metrics.TEST_RMSE, Metrics.TEST_MAE);
        double testBaseline = meanBaseline(data.testTargets(), data.trainingTargets());
        assertThat(test.get(Metrics.TEST_RMSE)).isLessThan(0.8 * testBaseline);
        assertThat(evaluator.testObjective(space.architecture(), saveDir))
                .isEqualTo(test.get(Metrics.TEST_RMSE));
        System.out.printf(
                "diabetes: validation RMSE %.2f (mean predictor %.2f), test RMSE %.2f MAE %.2f"
                        + " (mean predictor %.2f)%n",
                metrics.get(Metrics.RMSE),
                validationBaseline,
                test.get(Metrics.TEST_RMSE),
                test.get(Metrics.TEST_MAE),
                testBaseline);
    }

    @Test
    void theRmseIsInTheTargetsUnitsNotStandardised() throws Exception {
        // The target's deviation is about 77; a standardised RMSE would be below 1.5.
        Task.Regression task = (Task.Regression) data.task();
        assertThat(task.scale()).isGreaterThan(50);
        Map<String, Double> metrics =
                evaluator()
                        .evaluate(
                                new TrialSpec(
                                        1, new TinyMlpSpace(1).architecture(), new Budget(1, 0), 3),
                                saveDir,
                                Optional.empty(),
                                TrialReporter.NONE);
        assertThat(metrics.get(Metrics.RMSE)).isGreaterThan(20);
    }

    /** The validation examples' targets, in the target's units. */
    private static double[] validationTargets() {
        double[] train = data.trainingTargets();
        return java.util.Arrays.stream(DataSplit.of(0).apply(train.length, 0).validation())
                .mapToDouble(i -> train[i])
                .toArray();
    }

    /** The RMSE of predicting the training targets' mean. */
    private static double meanBaseline(double[] targets, double[] training) {
        double mean = java.util.Arrays.stream(training).average().orElseThrow();
        double sum = 0;
        for (double t : targets) {
            sum += (t - mean) * (t - mean);
        }
        return Math.sqrt(sum / targets.length);
    }
}
