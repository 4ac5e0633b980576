package org.djlnas.runtime.training;

import ai.djl.MalformedModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;

/**
 * Registers the {@code training} evaluator: trains each trial on the experiment's data set with
 * {@link TrainingEvaluator}, keeps its weights under {@code trials/NNNN/} of the experiment folder
 * (so a continuing trial starts from them), and tests the best trial's weights on the test set.
 * With the setting {@code teacher}, every candidate learns from a teacher network ({@link
 * Distillation}), so candidates are ranked by how well they learn from it.
 */
public final class TrainingEvaluatorProvider implements EvaluatorProvider {

    /** The registry id. */
    public static final String ID = "training";

    private static final String LEARNING_RATE = "learning-rate";
    private static final String MOMENTUM = "momentum";
    private static final String WEIGHT_DECAY = "weight-decay";
    private static final String BATCH_SIZE = "batch-size";
    private static final String RECALIBRATION_BATCHES = "recalibration-batches";
    private static final String TEACHER = "teacher";
    private static final String TEACHER_TEMPERATURE = "teacher-temperature";
    private static final String TEACHER_WEIGHT = "teacher-weight";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "trains each trial on the data set (SGD, cosine learning rate) and validates it";
    }

    @Override
    public List<SettingSpec> settings() {
        TrainingSettings defaults = TrainingSettings.defaults();
        return List.of(
                SettingSpec.number(
                        LEARNING_RATE,
                        asShown(defaults.learningRate()),
                        Double.MIN_VALUE,
                        "initial learning rate, annealed to 0 by a cosine"),
                SettingSpec.number(
                        MOMENTUM, asShown(defaults.momentum()), 0, "SGD momentum, below 1"),
                SettingSpec.number(
                        WEIGHT_DECAY,
                        asShown(defaults.weightDecay()),
                        0,
                        "L2 weight decay of the weights"),
                SettingSpec.integer(BATCH_SIZE, defaults.batchSize(), 1, "examples per step"),
                SettingSpec.integer(
                        RECALIBRATION_BATCHES,
                        defaults.recalibrationBatches(),
                        0,
                        "training batches that re-estimate batch-norm statistics before"
                                + " validating"),
                SettingSpec.string(
                        TEACHER,
                        "",
                        "a retrained network's or a published model's folder that every"
                                + " candidate learns from (knowledge distillation; classification"
                                + " only); empty for none"),
                SettingSpec.number(
                        TEACHER_TEMPERATURE,
                        Distillation.DEFAULT_TEMPERATURE,
                        Double.MIN_VALUE,
                        "distillation's temperature T, which softens both networks' probabilities"),
                SettingSpec.number(
                        TEACHER_WEIGHT,
                        asShown(Distillation.DEFAULT_WEIGHT),
                        0,
                        "the weight w of the teacher's term, at most 1; the labels' term gets"
                                + " 1 - w"));
    }

    /** A float default as a double that prints as the float does (0.05, not 0.0500000007). */
    private static double asShown(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    @Override
    public Evaluator create(EvaluatorContext context) throws IOException {
        DataSource data =
                context.data()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "evaluator '"
                                                        + ID
                                                        + "' trains on a data set; give `dataset`"
                                                        + " KIND[:LOCATION]"));
        String engine =
                context.engine()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "evaluator '" + ID + "' needs an engine"));
        TrainingSettings settings =
                trainingSettings(context.settings()).withSplit(DataSplit.of(context.seed()));
        Optional<Teacher> teacher = teacher(context.settings(), engine, context, data);
        TrainingEvaluator training =
                new TrainingEvaluator(
                        context.space(), data, engine, settings, context.engines(), teacher);
        return new KeepingWeights(training, context.folder().resolve("trials"), teacher);
    }

    /**
     * Opens the teacher the settings name, if any. It stays open as long as the evaluator, which
     * closes it when the search that made it ends ({@code AutoCloseable}); a worker process's lasts
     * as long as the worker.
     */
    private static Optional<Teacher> teacher(
            Settings settings, String engine, EvaluatorContext context, DataSource data)
            throws IOException {
        String path = settings.getString(TEACHER);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        double weight = settings.getDouble(TEACHER_WEIGHT);
        if (weight > 1) {
            throw new IllegalArgumentException(
                    "evaluator setting '"
                            + TEACHER_WEIGHT
                            + "' is "
                            + weight
                            + "; expected at most 1");
        }
        Distillation distillation =
                new Distillation(
                        Path.of(path),
                        (float) settings.getDouble(TEACHER_TEMPERATURE),
                        (float) weight);
        return Optional.of(
                Teacher.open(
                        distillation,
                        engine,
                        context.spaces(),
                        data,
                        "evaluator setting '" + TEACHER + "'"));
    }

    private static TrainingSettings trainingSettings(Settings settings) {
        double momentum = settings.getDouble(MOMENTUM);
        if (momentum >= 1) {
            throw new IllegalArgumentException(
                    "evaluator setting '" + MOMENTUM + "' is " + momentum + "; expected below 1");
        }
        return TrainingSettings.defaults()
                .withLearningRate((float) settings.getDouble(LEARNING_RATE))
                .withMomentum((float) momentum)
                .withWeightDecay((float) settings.getDouble(WEIGHT_DECAY))
                .withBatchSize(settings.getInt(BATCH_SIZE))
                .withRecalibrationBatches(settings.getInt(RECALIBRATION_BATCHES));
    }

    /**
     * Trains each trial, keeps its weights, and tests the best one; owns the teacher, if any, and
     * closes it when closed.
     */
    private record KeepingWeights(
            TrainingEvaluator training, Path trialsFolder, Optional<Teacher> teacher)
            implements Evaluator, AutoCloseable {

        @Override
        public void close() {
            teacher.ifPresent(Teacher::close);
        }

        @Override
        public String objective() {
            return training.objective();
        }

        @Override
        public Direction direction() {
            return training.direction();
        }

        @Override
        public Set<String> reportedMetrics() {
            return training.reportedMetrics();
        }

        @Override
        public Set<String> metricsBeforeTraining() {
            return training.metricsBeforeTraining();
        }

        @Override
        public Map<String, Double> measureBeforeTraining(TrialSpec trial, Set<String> metrics)
                throws Exception {
            return training.measureBeforeTraining(trial, metrics);
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) throws Exception {
            return evaluate(trial, TrialReporter.NONE);
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter)
                throws Exception {
            return training.evaluate(
                    trial,
                    weightsFolder(trial.number()),
                    trial.continues().stream().mapToObj(this::weightsFolder).findFirst(),
                    reporter);
        }

        @Override
        public OptionalDouble testObjective(TrialRecord trial) throws IOException {
            try {
                return OptionalDouble.of(
                        training.testObjective(
                                trial.spec().architecture(), weightsFolder(trial.number())));
            } catch (MalformedModelException e) {
                throw new IOException(
                        "the saved weights of trial " + trial.number() + " do not load: " + e, e);
            }
        }

        private Path weightsFolder(int trial) {
            return trialsFolder.resolve(String.format(Locale.ROOT, "%04d", trial));
        }
    }
}
