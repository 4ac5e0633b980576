package org.djlnas.runtime.training;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.profile.Latency;
import org.djlnas.runtime.profile.NetworkProfiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores an architecture by training its compiled network on a data set and measuring it on the
 * held-out validation examples. The objective and its direction are the data's task's: {@value
 * Metrics#ACCURACY} (maximised) for classification, {@value Metrics#RMSE} (minimised) for
 * regression.
 *
 * <p>Each trial compiles {@code space.compile(architecture)} into a fresh block, trains it in its
 * own DJL {@link Model} on the named engine with a {@link Trainer} (the task's loss, SGD as
 * described in {@link TrainingSettings}), re-estimates batch normalisation's running statistics for
 * the final weights ({@link TrainingSettings#recalibrationBatches()}), and reports:
 *
 * <ul>
 *   <li>for classification, {@value Metrics#ACCURACY}: the fraction of validation examples
 *       classified correctly, and {@value Metrics#ERROR}, one minus it; for regression, {@value
 *       Metrics#RMSE} and {@value Metrics#MAE}: the root mean squared and the mean absolute error,
 *       in the target's units;
 *   <li>{@value Metrics#LOSS}: the mean validation loss;
 *   <li>{@value Metrics#PARAMETERS}: the trainable parameters ({@link ParameterCount#trainable});
 *   <li>{@value Metrics#TRAIN_SECONDS}: the wall time of the training steps and of re-estimating
 *       the normalisation statistics;
 *   <li>{@value #SKIPPED_STEPS}: training steps skipped for non-finite gradients;
 *   <li>the trained network's profile ({@link NetworkProfiler}): {@value Metrics#FLOPS}
 *       (multiply-adds per example), {@value Metrics#LATENCY_MS} and {@value
 *       Metrics#LATENCY_BATCH_MS} (median milliseconds of an inference pass of one example and of
 *       {@code batchSize} examples, after {@value Latency#DEFAULT_WARM_UPS} untimed passes, over
 *       {@code latencyBatches} timed ones) and {@value Metrics#PEAK_MEMORY_MB} (an estimate for
 *       {@code batchSize} examples). {@value Metrics#FLOPS} and {@value Metrics#PEAK_MEMORY_MB} are
 *       left out for a network holding an operation the profiler does not know.
 * </ul>
 *
 * <p>Before training ({@link #measureBeforeTraining}), the same profile of the untrained network,
 * with {@value Metrics#PARAMETERS}, is measured on its own, so that a constraint on it can reject a
 * candidate without training it. The definitions are in {@code docs/metrics.md}.
 *
 * <p>Budget: {@code epochs} passes over the training examples, capped to {@code maxTrainExamples}
 * (a seeded subset, the same for every trial) when set. A fractional budget trains {@code
 * round(epochs × batches per epoch)} batches, at least one. The trial's seed seeds both the
 * engine's random generator, for weight initialisation, and the order of the training examples. The
 * loss is checked at every step; a NaN or infinite loss fails the trial, as does running out of
 * memory.
 *
 * <p>Several trials may run at once on different threads: each has its own model, trainer and
 * arrays, and every batch's arrays are freed after the step. Two things are shared by the whole
 * process, so trials take turns at them: seeding the engine's random generator and initialising the
 * weights (the generator is global), and each step's forward and backward pass (DJL's PyTorch
 * engine allows one gradient collector per process at a time). Data preparation, optimizer updates,
 * validation and latency measurement overlap; latency measured while other trials run is noisy.
 *
 * <p>With a {@link Teacher}, every network learns from it too ({@link Distillation}); validation
 * and test metrics, the loss included, are measured as without one.
 *
 * <p>This class coordinates; the work is done by {@link TrainingRecipe} (the configuration), {@link
 * TrainingLoop} (the steps, the gradient guard, per-epoch reports and early stopping), {@code
 * BatchNormRecalibration}, {@code Measurer} (validation, latency, test metrics), {@code
 * Continuation} and {@code Checkpoint} (continuing from a smaller budget's saved parameters) and
 * {@code EngineFailures} (running out of memory fails the trial).
 */
public final class TrainingEvaluator implements Evaluator {

    /** The file name prefix of saved parameters ({@code model-0000.params}). */
    public static final String MODEL_PREFIX = "model";

    /** The metric counting training steps skipped for non-finite gradients. */
    public static final String SKIPPED_STEPS = "skippedSteps";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingEvaluator.class);

    private final SearchSpace space;
    private final DataSource data;
    private final Task task;
    private final Shape inputShape;
    private final String engineName;
    private final Device device;
    private final TrainingSettings settings;
    private final BatchNormRecalibration recalibration;
    private final Measurer measurer;
    private final NetworkProfiler profiler;
    private final Optional<Teacher> teacher;
    private final ImageMemoryFormat imageMemoryFormat;

    /**
     * Creates the evaluator.
     *
     * @param space the space whose architectures are trained; its network must accept the data's
     *     examples and have the task's outputs (one per class, or one)
     * @param data the data to train, validate and test on
     * @param engineName the DJL engine to train on (for example {@code PyTorch})
     * @param settings how to train
     * @param engines the engine modules of the program's registry, for what the engine declares
     * @throws IllegalArgumentException if the engine is not available, or the data's task or input
     *     cannot be read
     */
    public TrainingEvaluator(
            SearchSpace space,
            DataSource data,
            String engineName,
            TrainingSettings settings,
            EngineSelector engines) {
        this(space, data, engineName, settings, engines, Optional.empty());
    }

    /**
     * Creates the evaluator, which trains every network with a teacher when one is given ({@link
     * Distillation}); the validation loss stays the task's own.
     *
     * @param space the space whose architectures are trained; its network must accept the data's
     *     examples and have the task's outputs (one per class, or one)
     * @param data the data to train, validate and test on
     * @param engineName the DJL engine to train on (for example {@code PyTorch})
     * @param settings how to train
     * @param engines the engine modules of the program's registry, for what the engine declares
     * @param teacher the teacher, opened for this data on this engine ({@link Teacher#open}); the
     *     caller closes it after the evaluator's last use
     * @throws IllegalArgumentException if the engine is not available, or the data's task or input
     *     cannot be read
     */
    public TrainingEvaluator(
            SearchSpace space,
            DataSource data,
            String engineName,
            TrainingSettings settings,
            EngineSelector engines,
            Optional<Teacher> teacher) {
        this.teacher = requireNonNull(teacher, "teacher is null");
        this.space = requireNonNull(space, "space is null");
        this.data = requireNonNull(data, "data is null");
        this.engineName = requireNonNull(engineName, "engineName is null");
        this.settings = requireNonNull(settings, "settings is null");
        if (!Engine.hasEngine(engineName)) {
            throw new IllegalArgumentException(
                    "engine '"
                            + engineName
                            + "' is not available; available engines: "
                            + Engine.getAllEngines());
        }
        this.device = DeviceChoice.forEngine(engineName);
        this.imageMemoryFormat = engines.imageMemoryFormat(engineName);
        this.recalibration =
                new BatchNormRecalibration(
                        settings.recalibrationBatches(),
                        engines.updatesRunningStatisticsInBackward(engineName),
                        imageMemoryFormat);
        try {
            this.task = data.task();
            this.inputShape = data.inputShape();
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        this.measurer = new Measurer(task, imageMemoryFormat);
        this.profiler =
                new NetworkProfiler(
                        engineName,
                        device,
                        inputShape,
                        settings.batchSize(),
                        new Latency(Latency.DEFAULT_WARM_UPS, settings.latencyBatches()));
    }

    /**
     * Returns the training settings.
     *
     * @return the settings
     */
    public TrainingSettings settings() {
        return settings;
    }

    @Override
    public String objective() {
        return task.objective();
    }

    @Override
    public Direction direction() {
        return task.direction();
    }

    @Override
    public Set<String> reportedMetrics() {
        Set<String> metrics = new LinkedHashSet<>();
        if (task instanceof Task.Classification) {
            metrics.add(Metrics.ACCURACY);
            metrics.add(Metrics.ERROR);
        } else {
            metrics.add(Metrics.RMSE);
            metrics.add(Metrics.MAE);
        }
        metrics.add(Metrics.LOSS);
        metrics.add(Metrics.TRAIN_SECONDS);
        metrics.add(SKIPPED_STEPS);
        metrics.addAll(NetworkProfiler.METRICS);
        return Collections.unmodifiableSet(metrics);
    }

    /**
     * Returns the metrics of the untrained network's profile ({@link NetworkProfiler#METRICS}):
     * {@value Metrics#PARAMETERS}, {@value Metrics#FLOPS}, {@value Metrics#LATENCY_MS}, {@value
     * Metrics#LATENCY_BATCH_MS} and {@value Metrics#PEAK_MEMORY_MB}.
     *
     * @return the metric names
     */
    @Override
    public Set<String> metricsBeforeTraining() {
        return NetworkProfiler.METRICS;
    }

    /**
     * Compiles the trial's architecture into a fresh network, initializes its weights as training
     * would (seeded with the trial's seed), and measures the named metrics on the experiment's
     * engine and device.
     *
     * @param trial the trial
     * @param metrics which of {@link #metricsBeforeTraining()} to measure
     * @return the measured metrics
     * @throws IllegalArgumentException if a metric cannot be measured before training, or if
     *     {@value Metrics#FLOPS} or {@value Metrics#PEAK_MEMORY_MB} is asked of a network holding
     *     an operation the profiler does not know
     * @throws TrialFailedException if memory runs out
     */
    @Override
    public Map<String, Double> measureBeforeTraining(TrialSpec trial, Set<String> metrics)
            throws TrialFailedException, TrialPrunedException, IOException {
        if (metrics.isEmpty()) {
            return Map.of();
        }
        return EngineFailures.failingTrialsOutOfMemory(
                () ->
                        profiler.measureUntrained(
                                space.compile(trial.architecture()),
                                engineSeed(trial.seed()),
                                metrics));
    }

    /**
     * Trains and validates one trial.
     *
     * @param trial the trial
     * @return the metrics (see the type's description)
     * @throws TrialFailedException if the loss becomes NaN or infinite, or memory runs out
     * @throws IOException if the data cannot be read
     */
    @Override
    public Map<String, Double> evaluate(TrialSpec trial)
            throws TrialFailedException, TrialPrunedException, IOException {
        return evaluate(trial, TrialReporter.NONE);
    }

    @Override
    public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter)
            throws TrialFailedException, TrialPrunedException, IOException {
        return EngineFailures.failingTrialsOutOfMemory(
                () -> train(trial, Optional.empty(), Optional.empty(), reporter));
    }

    /**
     * Trains and validates one trial as a search or a retraining does: validates after every whole
     * epoch and reports the objective so the trial may be stopped early, continues from the
     * parameters saved by the trial it continues when it continues one, and saves its own
     * parameters to {@code saveDir/model-0000.params} (DJL's {@code model.save(saveDir, "model")}),
     * for {@link #testMetrics}, continuing or publishing.
     *
     * <p>A continuing trial loads the earlier trial's parameters (weights and batch-norm
     * statistics) and trains the epochs between the two budgets with a fresh cosine learning-rate
     * schedule over them (a warm restart) and fresh momentum, since DJL's optimizers cannot save
     * their state; its data order goes on from a seed derived from the trial's seed and the epochs
     * already done.
     *
     * @param trial the trial
     * @param saveDir the folder to save to; created if needed
     * @param continued the folder the continued trial saved its parameters to, when {@code trial}
     *     continues one
     * @param reporter where to report the validation objective after each epoch
     * @return the metrics
     * @throws TrialFailedException if the loss becomes NaN or infinite, memory runs out, or the
     *     continued trial's parameters are missing or belong to another architecture
     * @throws TrialPrunedException if the reporter said to stop after an epoch
     * @throws IOException if the data cannot be read or the parameters cannot be written
     */
    public Map<String, Double> evaluate(
            TrialSpec trial, Path saveDir, Optional<Path> continued, TrialReporter reporter)
            throws TrialFailedException, TrialPrunedException, IOException {
        return EngineFailures.failingTrialsOutOfMemory(
                () -> train(trial, Optional.of(saveDir), continued, reporter));
    }

    /**
     * Measures on the test set parameters saved by {@link #evaluate(TrialSpec, Path, Optional,
     * TrialReporter)}: compiles a fresh block from the architecture, loads the parameters into it
     * and predicts every test example in evaluation mode.
     *
     * @param architecture the architecture the parameters were trained for
     * @param savedDir the folder they were saved to
     * @return {@value Metrics#TEST_ACCURACY} for classification; {@value Metrics#TEST_RMSE} and
     *     {@value Metrics#TEST_MAE}, in the target's units, for regression
     * @throws IOException if the data or the parameters cannot be read
     * @throws MalformedModelException if the parameters do not fit the architecture
     */
    public Map<String, Double> testMetrics(Architecture architecture, Path savedDir)
            throws IOException, MalformedModelException {
        return test(architecture, savedDir).testMetrics();
    }

    /**
     * Measures the objective on the test set of saved parameters, as {@link #testMetrics} does.
     *
     * @param architecture the architecture the parameters were trained for
     * @param savedDir the folder they were saved to
     * @return the test accuracy, or the test RMSE in the target's units
     * @throws IOException if the data or the parameters cannot be read
     * @throws MalformedModelException if the parameters do not fit the architecture
     */
    public double testObjective(Architecture architecture, Path savedDir)
            throws IOException, MalformedModelException {
        return test(architecture, savedDir).objective();
    }

    private TaskMeasure test(Architecture architecture, Path savedDir)
            throws IOException, MalformedModelException {
        Block block = space.compile(architecture);
        RandomAccessDataset test = data.test(settings.batchSize());
        try (Model model = Model.newInstance("test", device, engineName)) {
            model.setBlock(block);
            model.load(savedDir, MODEL_PREFIX);
            return measurer.test(block, model.getNDManager(), test);
        }
    }

    private Map<String, Double> train(
            TrialSpec trial,
            Optional<Path> saveDir,
            Optional<Path> continued,
            TrialReporter reporter)
            throws TrialFailedException, TrialPrunedException, IOException {
        Budget budget = trial.budget();
        int batchSize = settings.batchSize();
        Block block = space.compile(trial.architecture());
        try (Model model = Model.newInstance("trial-" + trial.number(), device, engineName)) {
            model.setBlock(block);
            double epochsDone =
                    continued.isPresent() ? Continuation.load(model, trial, continued.get()) : 0;
            RandomAccessDataset trainSet =
                    data.train(
                            settings.split(),
                            budget.maxTrainExamples(),
                            batchSize,
                            Continuation.dataSeed(trial.seed(), epochsDone));
            RandomAccessDataset validationSet = data.validation(settings.split(), batchSize);
            if (trainSet.size() == 0) {
                throw new IllegalArgumentException(
                        "data set '" + data.id() + "' has no training examples after the split");
            }
            long batchesPerEpoch = (trainSet.size() + batchSize - 1) / batchSize;
            StepPlan plan = StepPlan.of(epochsDone, budget.epochs(), batchesPerEpoch);
            try (Trainer trainer =
                    model.newTrainer(
                            TrainingRecipe.config(
                                    block,
                                    settings,
                                    plan.steps(),
                                    task,
                                    teacher.map(Teacher::distillation)))) {
                Shape inputShape = new Shape(batchSize).addAll(this.inputShape);
                synchronized (EngineLocks.RANDOM) {
                    Engine.getEngine(engineName).setRandomSeed(engineSeed(trial.seed()));
                    trainer.initialize(inputShape);
                }
                checkOutputs(block, inputShape);
                double parameters = ParameterCount.trainable(block);
                long start = System.nanoTime();
                Map<String, Double> metrics =
                        new TrainingLoop(trainer, plan.steps(), teacher, imageMemoryFormat)
                                .run(
                                        trainSet,
                                        plan,
                                        reporter,
                                        () -> {
                                            recalibration.recalibrate(block, trainer, trainSet);
                                            Map<String, Double> measured =
                                                    measurer.validate(trainer, validationSet);
                                            measured.put(Metrics.PARAMETERS, parameters);
                                            measured.put(
                                                    Metrics.TRAIN_SECONDS,
                                                    (System.nanoTime() - start) / 1e9);
                                            measured.putAll(
                                                    profileTrained(block, model, trial.number()));
                                            return measured;
                                        },
                                        task.objective());
                LOG.debug(
                        "trial {}: {} steps of {}, metrics {}",
                        trial.number(),
                        plan.steps(),
                        batchSize,
                        metrics);
                if (saveDir.isPresent()) {
                    Files.createDirectories(saveDir.get());
                    Checkpoint.of(
                                    trial,
                                    space.id(),
                                    data.id(),
                                    task.objective(),
                                    metrics.get(task.objective()))
                            .writeTo(model);
                    model.save(saveDir.get(), MODEL_PREFIX);
                }
                return Collections.unmodifiableMap(metrics);
            }
        }
    }

    /**
     * Profiles the trained network: latency always; multiply-adds and the memory estimate when the
     * profiler knows every operation of the network.
     */
    private Map<String, Double> profileTrained(Block block, Model model, long trialNumber) {
        Map<String, Double> profile =
                new LinkedHashMap<>(
                        profiler.measure(
                                block,
                                model.getNDManager(),
                                Set.of(Metrics.LATENCY_MS, Metrics.LATENCY_BATCH_MS)));
        try {
            profile.putAll(
                    profiler.measure(
                            block,
                            model.getNDManager(),
                            Set.of(Metrics.FLOPS, Metrics.PEAK_MEMORY_MB)));
        } catch (IllegalArgumentException e) {
            LOG.debug("trial {}: {} not reported: {}", trialNumber, Metrics.FLOPS, e.getMessage());
        }
        return profile;
    }

    private void checkOutputs(Block block, Shape inputShape) {
        Shape output = block.getOutputShapes(new Shape[] {inputShape})[0];
        int outputs = task.outputs();
        if (output.dimension() != 2 || output.get(1) != outputs) {
            throw new IllegalArgumentException(
                    "the network of space '"
                            + space.id()
                            + "' gives outputs of shape "
                            + output
                            + " for inputs "
                            + inputShape
                            + "; data set '"
                            + data.id()
                            + "' needs (N, "
                            + outputs
                            + "): set the space's number of classes to "
                            + outputs);
        }
    }

    /** Folds a 64-bit trial seed into the engine's 32-bit seed. */
    static int engineSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }
}
