package org.djlnas.runtime.training;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.data.ImageDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores an architecture by training its compiled network on an image data set and measuring it on
 * the held-out validation examples. The objective is {@value Metrics#ACCURACY}.
 *
 * <p>Each trial compiles {@code space.compile(architecture)} into a fresh block, trains it in its
 * own DJL {@link Model} on the named engine with a {@link Trainer} (softmax cross-entropy loss, SGD
 * as described in {@link TrainingSettings}), re-estimates batch normalisation's running statistics
 * for the final weights ({@link TrainingSettings#recalibrationBatches()}), and reports:
 *
 * <ul>
 *   <li>{@value Metrics#ACCURACY}: the fraction of validation examples classified correctly;
 *   <li>{@value Metrics#LOSS}: the mean validation loss;
 *   <li>{@value Metrics#PARAMETERS}: the trainable parameters ({@link ParameterCount#trainable});
 *   <li>{@value Metrics#TRAIN_SECONDS}: the wall time of the training steps and of re-estimating
 *       the normalisation statistics;
 *   <li>{@value Metrics#LATENCY_MS}: the mean time of one inference pass over a batch of {@code
 *       batchSize} validation images in evaluation mode, after a warm-up pass.
 * </ul>
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
 */
public final class TrainingEvaluator implements Evaluator {

    /** The file name prefix of saved parameters ({@code model-0000.params}). */
    public static final String MODEL_PREFIX = "model";

    /** The metric counting training steps skipped for non-finite gradients. */
    public static final String SKIPPED_STEPS = "skippedSteps";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingEvaluator.class);
    private static final String ACCUMULATOR = "accuracy";

    private final SearchSpace space;
    private final ImageDataSource data;
    private final String engineName;
    private final Device device;
    private final TrainingSettings settings;
    private final boolean recalibrationNeedsBackward;

    /**
     * Creates the evaluator.
     *
     * @param space the space whose architectures are trained; its network must accept the data's
     *     images and have one output per class
     * @param data the data to train, validate and test on
     * @param engineName the DJL engine to train on (for example {@code PyTorch})
     * @param settings how to train
     * @throws IllegalArgumentException if the engine is not available
     */
    public TrainingEvaluator(
            SearchSpace space, ImageDataSource data, String engineName, TrainingSettings settings) {
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
        this.recalibrationNeedsBackward =
                EngineSelector.discover().updatesRunningStatisticsInBackward(engineName);
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
        return Metrics.ACCURACY;
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
        return run(trial, Optional.empty(), Optional.empty(), TrialReporter.NONE);
    }

    @Override
    public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter)
            throws TrialFailedException, TrialPrunedException, IOException {
        return run(trial, Optional.empty(), Optional.empty(), reporter);
    }

    /**
     * Trains and validates one trial, then saves the trained parameters to {@code
     * saveDir/model-0000.params} (DJL's {@code model.save(saveDir, "model")}), for {@link
     * #testAccuracy} or publishing.
     *
     * @param trial the trial
     * @param saveDir the folder to save to; created if needed
     * @return the metrics
     * @throws TrialFailedException if the loss becomes NaN or infinite, or memory runs out
     * @throws IOException if the data cannot be read or the parameters cannot be written
     */
    public Map<String, Double> evaluate(TrialSpec trial, Path saveDir)
            throws TrialFailedException, IOException {
        try {
            return run(trial, Optional.of(saveDir), Optional.empty(), TrialReporter.NONE);
        } catch (TrialPrunedException e) {
            throw new IllegalStateException("a reporter that never stops stopped a trial", e);
        }
    }

    /**
     * Trains and validates one trial as a search does: validates after every whole epoch and
     * reports the accuracy so the trial may be stopped early, continues from the parameters saved
     * by the trial it continues when it continues one, and saves its own parameters to {@code
     * saveDir}.
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
     * @param reporter where to report the validation accuracy after each epoch
     * @return the metrics
     * @throws TrialFailedException if the loss becomes NaN or infinite, memory runs out, or the
     *     continued trial's parameters are missing or belong to another architecture
     * @throws TrialPrunedException if the reporter said to stop after an epoch
     * @throws IOException if the data cannot be read or the parameters cannot be written
     */
    public Map<String, Double> evaluate(
            TrialSpec trial, Path saveDir, Optional<Path> continued, TrialReporter reporter)
            throws TrialFailedException, TrialPrunedException, IOException {
        return run(trial, Optional.of(saveDir), continued, reporter);
    }

    /**
     * Measures the accuracy on the test set of parameters saved by {@link #evaluate(TrialSpec,
     * Path)}: compiles a fresh block from the architecture, loads the parameters into it and
     * classifies every test example in evaluation mode.
     *
     * @param architecture the architecture the parameters were trained for
     * @param savedDir the folder they were saved to
     * @return the fraction of test examples classified correctly
     * @throws IOException if the data or the parameters cannot be read
     * @throws MalformedModelException if the parameters do not fit the architecture
     */
    public double testAccuracy(Architecture architecture, Path savedDir)
            throws IOException, MalformedModelException {
        Block block = space.compile(architecture);
        RandomAccessDataset test = data.test(settings.batchSize());
        try (Model model = Model.newInstance("test", device, engineName)) {
            model.setBlock(block);
            model.load(savedDir, MODEL_PREFIX);
            ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
            Accuracy accuracy = new Accuracy();
            accuracy.addAccumulator(ACCUMULATOR);
            for (Batch batch : batches(test, model.getNDManager())) {
                try (batch) {
                    NDList predictions = block.forward(parameters, batch.getData(), false);
                    accuracy.updateAccumulator(ACCUMULATOR, batch.getLabels(), predictions);
                }
            }
            return accuracy.getAccumulator(ACCUMULATOR);
        }
    }

    private Map<String, Double> run(
            TrialSpec trial,
            Optional<Path> saveDir,
            Optional<Path> continued,
            TrialReporter reporter)
            throws TrialFailedException, TrialPrunedException, IOException {
        try {
            return train(trial, saveDir, continued, reporter);
        } catch (OutOfMemoryError e) {
            throw new TrialFailedException("out of memory: " + e.getMessage());
        } catch (EngineException e) {
            String message = String.valueOf(e.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("out of memory") || lower.contains("can't allocate memory")) {
                throw new TrialFailedException("out of memory: " + message);
            }
            throw e;
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
                    continued.isPresent() ? loadContinued(model, trial, continued.get()) : 0;
            RandomAccessDataset trainSet =
                    data.train(
                            settings.split(),
                            budget.maxTrainExamples(),
                            batchSize,
                            dataSeed(trial.seed(), epochsDone));
            RandomAccessDataset validationSet = data.validation(settings.split(), batchSize);
            if (trainSet.size() == 0) {
                throw new IllegalArgumentException(
                        "data set '" + data.id() + "' has no training examples after the split");
            }
            long batchesPerEpoch = (trainSet.size() + batchSize - 1) / batchSize;
            StepPlan plan = StepPlan.of(epochsDone, budget.epochs(), batchesPerEpoch);
            try (Trainer trainer = model.newTrainer(trainingConfig(block, plan.steps()))) {
                Shape inputShape = new Shape(batchSize).addAll(data.inputShape());
                synchronized (EngineLocks.RANDOM) {
                    Engine.getEngine(engineName).setRandomSeed(engineSeed(trial.seed()));
                    trainer.initialize(inputShape);
                }
                checkOutputs(block, inputShape);
                long parameters = ParameterCount.trainable(block);

                long start = System.nanoTime();
                EpochEnd epochEnd =
                        reporter == TrialReporter.NONE
                                ? epoch -> {}
                                : epoch -> {
                                    Map<String, Double> metrics =
                                            measure(block, trainer, trainSet, validationSet);
                                    metrics.put(Metrics.PARAMETERS, (double) parameters);
                                    metrics.put(
                                            Metrics.TRAIN_SECONDS,
                                            (System.nanoTime() - start) / 1e9);
                                    reporter.report(metrics.get(Metrics.ACCURACY), epoch);
                                    if (reporter.shouldStop()) {
                                        throw new TrialPrunedException(
                                                "stopped early after epoch "
                                                        + epoch
                                                        + " at validation accuracy "
                                                        + metrics.get(Metrics.ACCURACY),
                                                metrics);
                                    }
                                };
                int skipped = trainSteps(trainer, trainSet, plan, epochEnd);
                Map<String, Double> metrics = measure(block, trainer, trainSet, validationSet);
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                metrics.put(Metrics.PARAMETERS, (double) parameters);
                metrics.put(Metrics.TRAIN_SECONDS, trainSeconds);
                metrics.put(SKIPPED_STEPS, (double) skipped);
                reporter.report(metrics.get(Metrics.ACCURACY), plan.lastEpoch());
                LOG.debug(
                        "trial {}: {} steps of {} in {} s, metrics {}",
                        trial.number(),
                        plan.steps(),
                        batchSize,
                        trainSeconds,
                        metrics);
                if (saveDir.isPresent()) {
                    save(model, trial, metrics, saveDir.get());
                }
                return Collections.unmodifiableMap(metrics);
            }
        }
    }

    private DefaultTrainingConfig trainingConfig(Block block, int steps) {
        Set<String> weights =
                block.getParameters().values().stream()
                        .filter(p -> p.getType() == Parameter.Type.WEIGHT)
                        .map(Parameter::getId)
                        .collect(Collectors.toSet());
        Tracker learningRate =
                Tracker.cosine()
                        .setBaseValue(settings.learningRate())
                        .optFinalValue(0f)
                        .setMaxUpdates(steps)
                        .build();
        return new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss())
                .optInitializer(
                        new XavierInitializer(
                                XavierInitializer.RandomType.GAUSSIAN,
                                XavierInitializer.FactorType.IN,
                                2),
                        Parameter.Type.WEIGHT)
                .optOptimizer(
                        new WeightsOnlyDecaySgd(
                                learningRate, settings.momentum(), settings.weightDecay(), weights))
                .addEvaluator(new Accuracy());
    }

    /**
     * Loads the parameters a continued trial saved into the model, before the trainer initialises
     * it (DJL then keeps loaded parameters instead of initialising them).
     *
     * @return the epochs the continued trial trained
     */
    private double loadContinued(Model model, TrialSpec trial, Path folder)
            throws TrialFailedException, IOException {
        int continues = trial.continues().orElseThrow();
        try {
            model.load(folder, MODEL_PREFIX);
        } catch (MalformedModelException | IOException e) {
            throw new TrialFailedException(
                    "cannot continue trial "
                            + continues
                            + ": its parameters in "
                            + folder
                            + " do not load ("
                            + e.getMessage()
                            + ")");
        }
        String architectureId = model.getProperty("architectureId");
        String epochs = model.getProperty("epochs");
        if (!trial.architecture().id().equals(architectureId) || epochs == null) {
            throw new TrialFailedException(
                    "cannot continue trial "
                            + continues
                            + ": the parameters in "
                            + folder
                            + " belong to architecture "
                            + architectureId
                            + ", not "
                            + trial.architecture().id());
        }
        double done = Double.parseDouble(epochs);
        if (!(done < trial.budget().epochs())) {
            throw new TrialFailedException(
                    "cannot continue trial "
                            + continues
                            + ": it trained "
                            + done
                            + " epochs, not fewer than this trial's "
                            + trial.budget().epochs());
        }
        return done;
    }

    /**
     * The data order of a trial that starts after {@code epochsDone} epochs: the trial's own seed
     * for a fresh trial, another seed drawn from it for each continuation point.
     */
    static long dataSeed(long trialSeed, double epochsDone) {
        if (epochsDone == 0) {
            return trialSeed;
        }
        return new SplittableRandom(trialSeed ^ Double.doubleToLongBits(epochsDone)).nextLong();
    }

    /** Recalibrates batch-norm statistics and validates, giving fresh, modifiable metrics. */
    private Map<String, Double> measure(
            Block block,
            Trainer trainer,
            RandomAccessDataset trainSet,
            RandomAccessDataset validationSet)
            throws TrialFailedException, IOException {
        recalibrate(block, trainer, trainSet);
        Map<String, Double> metrics = new LinkedHashMap<>();
        validate(trainer, validationSet, metrics);
        return metrics;
    }

    /** What to do at the end of each whole epoch but the last. */
    @FunctionalInterface
    private interface EpochEnd {
        void accept(int epoch) throws TrialFailedException, TrialPrunedException, IOException;
    }

    private void checkOutputs(Block block, Shape inputShape) {
        Shape output = block.getOutputShapes(new Shape[] {inputShape})[0];
        if (output.dimension() != 2 || output.get(1) != data.classes()) {
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
                            + data.classes()
                            + "): set the space's number of classes to "
                            + data.classes());
        }
    }

    /**
     * Trains {@code totalSteps} steps and returns how many were skipped because the backward pass
     * returned non-finite gradients.
     *
     * <p>PyTorch 2.7.1's CPU (oneDNN) convolution backward intermittently returns NaN gradients on
     * this project's machines for small channel counts, although the forward pass and the loss are
     * finite and identical to a clean run (see docs/benchmarks.md). Such a step is skipped, as
     * mixed-precision loss scalers do: its gradients are cleared and the weights are not updated. A
     * trial fails if more than a tenth of its steps are skipped, or if the loss itself becomes
     * non-finite.
     */
    private static int trainSteps(
            Trainer trainer, RandomAccessDataset trainSet, StepPlan plan, EpochEnd epochEnd)
            throws TrialFailedException, TrialPrunedException, IOException {
        int totalSteps = plan.steps();
        Loss loss = trainer.getLoss();
        List<Parameter> trainable = trainableParameters(trainer);
        int maxSkipped = Math.max(1, totalSteps / 10);
        int skipped = 0;
        int step = 0;
        while (step < totalSteps) {
            for (Batch batch : batches(trainSet, trainer.getManager())) {
                boolean finiteGradients;
                try (batch) {
                    step++;
                    synchronized (EngineLocks.GRADIENTS) {
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions =
                                    trainer.forward(batch.getData(), batch.getLabels());
                            NDArray value = loss.evaluate(batch.getLabels(), predictions);
                            float lossValue = value.getFloat();
                            if (!Float.isFinite(lossValue)) {
                                throw new TrialFailedException(
                                        "loss became "
                                                + (Float.isNaN(lossValue) ? "NaN" : "infinite")
                                                + " at step "
                                                + step
                                                + " of "
                                                + totalSteps);
                            }
                            collector.backward(value);
                        }
                        finiteGradients = GradientGuard.allFinite(trainable);
                        if (!finiteGradients) {
                            GradientGuard.clear(trainable);
                        }
                    }
                    if (finiteGradients) {
                        trainer.step();
                    } else if (++skipped > maxSkipped) {
                        throw new TrialFailedException(
                                "gradients were not finite in "
                                        + skipped
                                        + " of "
                                        + step
                                        + " steps");
                    }
                }
                if (step >= totalSteps) {
                    break;
                }
                OptionalInt epoch = plan.epochEndingAt(step);
                if (epoch.isPresent()) {
                    epochEnd.accept(epoch.getAsInt());
                }
            }
        }
        if (skipped > 0) {
            LOG.info("skipped {} of {} steps with non-finite gradients", skipped, totalSteps);
        }
        return skipped;
    }

    /**
     * Passes training batches through the network in training mode, without updating the weights,
     * so that batch normalisation's running statistics describe the final weights. PyTorch updates
     * the statistics in the forward pass, so a forward pass is enough; MXNet updates them in the
     * backward pass, and runs batch normalisation in training mode only inside a gradient
     * collector, so there each batch goes forward and backward inside one, and the gradients left
     * are cleared afterwards.
     */
    private void recalibrate(Block block, Trainer trainer, RandomAccessDataset trainSet)
            throws IOException {
        int remaining = settings.recalibrationBatches();
        boolean hasStatistics =
                block.getParameters().values().stream()
                        .anyMatch(p -> p.getType() == Parameter.Type.RUNNING_MEAN);
        if (!hasStatistics) {
            return;
        }
        while (remaining > 0) {
            for (Batch batch : batches(trainSet, trainer.getManager())) {
                try (batch) {
                    if (recalibrationNeedsBackward) {
                        forwardAndBackward(trainer, batch);
                    } else {
                        trainer.forward(batch.getData(), batch.getLabels());
                    }
                }
                if (--remaining == 0) {
                    break;
                }
            }
        }
        if (recalibrationNeedsBackward) {
            GradientGuard.clear(trainableParameters(trainer));
        }
    }

    private static void forwardAndBackward(Trainer trainer, Batch batch) {
        synchronized (EngineLocks.GRADIENTS) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                collector.backward(trainer.getLoss().evaluate(batch.getLabels(), predictions));
            }
        }
    }

    private void validate(
            Trainer trainer, RandomAccessDataset validationSet, Map<String, Double> metrics)
            throws TrialFailedException, IOException {
        Loss loss = trainer.getLoss();
        Accuracy accuracy = new Accuracy();
        accuracy.addAccumulator(ACCUMULATOR);
        double lossSum = 0;
        long examples = 0;
        double latencyMs = Double.NaN;
        for (Batch batch : batches(validationSet, trainer.getManager())) {
            try (batch) {
                if (Double.isNaN(latencyMs)) {
                    latencyMs = latency(trainer, batch.getData());
                }
                NDList predictions = trainer.evaluate(batch.getData());
                lossSum +=
                        (double) loss.evaluate(batch.getLabels(), predictions).getFloat()
                                * batch.getSize();
                examples += batch.getSize();
                accuracy.updateAccumulator(ACCUMULATOR, batch.getLabels(), predictions);
            }
        }
        double meanLoss = lossSum / examples;
        if (!Double.isFinite(meanLoss)) {
            throw new TrialFailedException(
                    "validation loss is " + meanLoss + " after training; the network diverged");
        }
        metrics.put(Metrics.ACCURACY, (double) accuracy.getAccumulator(ACCUMULATOR));
        metrics.put(Metrics.LOSS, meanLoss);
        metrics.put(Metrics.LATENCY_MS, latencyMs);
    }

    /**
     * Mean milliseconds of an inference pass over one batch, after a warm-up pass. Each pass runs
     * in its own sub-manager, so that its intermediate arrays are freed before the next one.
     */
    private double latency(Trainer trainer, NDList input) {
        double totalMs = 0;
        for (int pass = -1; pass < settings.latencyBatches(); pass++) {
            try (NDManager scope = input.head().getManager().newSubManager()) {
                scope.tempAttachAll(input);
                long start = System.nanoTime();
                // Reading one value waits for engines that compute asynchronously.
                trainer.evaluate(input).head().getFloat(0, 0);
                if (pass >= 0) {
                    totalMs += (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return totalMs / settings.latencyBatches();
    }

    private void save(Model model, TrialSpec trial, Map<String, Double> metrics, Path saveDir)
            throws IOException {
        Files.createDirectories(saveDir);
        model.setProperty("architecture", trial.architecture().toJson());
        model.setProperty("architectureId", trial.architecture().id());
        model.setProperty("space", space.id());
        model.setProperty("dataset", data.id());
        model.setProperty("trial", Integer.toString(trial.number()));
        model.setProperty("seed", Long.toString(trial.seed()));
        model.setProperty("epochs", Double.toString(trial.budget().epochs()));
        model.setProperty("maxTrainExamples", Integer.toString(trial.budget().maxTrainExamples()));
        model.setProperty("accuracy", Double.toString(metrics.get(Metrics.ACCURACY)));
        model.save(saveDir, MODEL_PREFIX);
    }

    /** Folds a 64-bit trial seed into the engine's 32-bit seed. */
    static int engineSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }

    private static List<Parameter> trainableParameters(Trainer trainer) {
        return trainer.getModel().getBlock().getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .toList();
    }

    private static Iterable<Batch> batches(RandomAccessDataset dataset, NDManager manager)
            throws IOException {
        try {
            return dataset.getData(manager);
        } catch (TranslateException e) {
            throw new IOException("cannot read data set " + dataset + ": " + e.getMessage(), e);
        }
    }
}
