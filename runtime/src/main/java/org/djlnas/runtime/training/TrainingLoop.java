package org.djlnas.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop of every trial, of retraining and of the engine benchmark: steps of forward
 * pass, loss check, backward pass, gradient guard and optimizer update, with a report to the
 * trial's {@link TrialReporter} after every whole epoch and a check whether to stop there.
 *
 * <p>PyTorch 2.7.1's CPU (oneDNN) convolution backward intermittently returns NaN gradients on this
 * project's machines for small channel counts, although the forward pass and the loss are finite
 * and identical to a clean run (see docs/benchmarks.md). Such a step is skipped, as mixed-precision
 * loss scalers do: its gradients are cleared and the weights are not updated. The training fails if
 * more than a tenth of its steps are skipped, or if the loss itself becomes non-finite.
 *
 * <p>Each step's forward and backward pass hold {@link EngineLocks#GRADIENTS}, since DJL's PyTorch
 * engine allows one gradient collector per process at a time; the update runs outside it.
 *
 * <p>With a {@link Teacher}, each step first runs the teacher on the batch's inputs, outside the
 * gradient collector, and hands its logits to the loss with the labels ({@link DistillationLoss},
 * which the trainer's configuration must then hold: {@link TrainingRecipe#config}).
 */
public final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final Trainer trainer;
    private final Loss loss;
    private final List<Parameter> trainable;
    private final Optional<Teacher> teacher;
    private final ImageMemoryFormat imageMemoryFormat;
    private final int totalSteps;
    private final int maxSkipped;
    private int step;
    private int skipped;

    /**
     * Creates the loop over an initialised trainer, without a teacher, passing image batches
     * forward in the layout they come in ({@link ImageMemoryFormat#CONTIGUOUS}). Pass the engine's
     * format ({@link org.djlnas.api.engine.EngineSelector#imageMemoryFormat}) to the other
     * constructor for channels-last batches on engines that are faster with them.
     *
     * @param trainer the trainer, its parameters initialised
     * @param totalSteps the steps the training will run, which bounds the steps it may skip
     */
    public TrainingLoop(Trainer trainer, int totalSteps) {
        this(trainer, totalSteps, Optional.empty(), ImageMemoryFormat.CONTIGUOUS);
    }

    /**
     * Creates the loop over an initialised trainer, learning from a teacher too when one is given.
     *
     * @param trainer the trainer, its parameters initialised, its loss a {@link DistillationLoss}
     *     when a teacher is given
     * @param totalSteps the steps the training will run, which bounds the steps it may skip
     * @param teacher the teacher, if any
     * @param imageMemoryFormat how image batches are laid out in memory before they go forward
     *     ({@link org.djlnas.api.engine.EngineSupport#imageMemoryFormat()})
     */
    public TrainingLoop(
            Trainer trainer,
            int totalSteps,
            Optional<Teacher> teacher,
            ImageMemoryFormat imageMemoryFormat) {
        this.trainer = trainer;
        this.loss = trainer.getLoss();
        if (teacher.isPresent() && !(loss instanceof DistillationLoss)) {
            throw new IllegalArgumentException(
                    "a teacher needs the distillation loss; the trainer's is " + loss.getName());
        }
        this.teacher = teacher;
        this.imageMemoryFormat = imageMemoryFormat;
        this.trainable = GradientGuard.trainable(trainer);
        this.totalSteps = totalSteps;
        this.maxSkipped = Math.max(1, totalSteps / 10);
    }

    /**
     * Runs one training step on a batch: the teacher's logits if there is a teacher, then forward,
     * loss, backward, and, if every gradient is finite, the optimizer's update; otherwise the
     * gradients are cleared and the step skipped.
     *
     * @param data the batch's inputs
     * @param labels the batch's labels
     * @return the batch's loss before the update
     * @throws TrialFailedException if the loss is not finite, or too many steps were skipped
     */
    public float step(NDList data, NDList labels) throws TrialFailedException {
        step++;
        NDList inputs = imageMemoryFormat.arrange(data);
        NDList targets = teacher.isPresent() ? teacher.get().targets(inputs, labels) : labels;
        boolean finiteGradients;
        float lossValue;
        synchronized (EngineLocks.GRADIENTS) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(inputs, labels);
                NDArray value = loss.evaluate(targets, predictions);
                lossValue = value.getFloat();
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
                    "gradients were not finite in " + skipped + " of " + step + " steps");
        }
        return lossValue;
    }

    /**
     * Returns how many steps were skipped so far because of non-finite gradients.
     *
     * @return the skipped steps
     */
    public int skipped() {
        return skipped;
    }

    /** Measures the network between steps, for a report. */
    @FunctionalInterface
    interface Measure {
        /**
         * Measures.
         *
         * @return fresh, modifiable metrics, with the objective among them
         */
        Map<String, Double> measure() throws TrialFailedException, IOException;
    }

    /**
     * Trains the plan's steps over the training set, cycling through it as often as needed. After
     * every whole epoch but the last it measures the network and reports its objective, unless the
     * reporter is {@link TrialReporter#NONE}; after the last step it measures and reports always.
     *
     * @param trainSet the training examples, in the trial's order
     * @param plan the steps
     * @param reporter where to report the objective after each epoch
     * @param measure how to measure the network
     * @param objective the metric reported, for example {@value Metrics#ACCURACY}
     * @return the final metrics
     * @throws TrialFailedException if the loss or the validation loss is not finite, or too many
     *     steps were skipped
     * @throws TrialPrunedException if the reporter said to stop after an epoch
     * @throws IOException if the data cannot be read
     */
    Map<String, Double> run(
            RandomAccessDataset trainSet,
            StepPlan plan,
            TrialReporter reporter,
            Measure measure,
            String objective)
            throws TrialFailedException, TrialPrunedException, IOException {
        while (step < totalSteps) {
            for (Batch batch : DataBatches.of(trainSet, trainer.getManager())) {
                try (batch) {
                    step(batch.getData(), batch.getLabels());
                }
                if (step >= totalSteps) {
                    break;
                }
                OptionalInt epoch = plan.epochEndingAt(step);
                if (epoch.isPresent() && reporter != TrialReporter.NONE) {
                    report(reporter, epoch.getAsInt(), measure.measure(), objective);
                }
            }
        }
        if (skipped > 0) {
            LOG.info("skipped {} of {} steps with non-finite gradients", skipped, totalSteps);
        }
        Map<String, Double> metrics = measure.measure();
        metrics.put(TrainingEvaluator.SKIPPED_STEPS, (double) skipped);
        reporter.report(metrics.get(objective), plan.lastEpoch());
        return metrics;
    }

    private static void report(
            TrialReporter reporter, int epoch, Map<String, Double> metrics, String objective)
            throws TrialPrunedException {
        reporter.report(metrics.get(objective), epoch);
        if (reporter.shouldStop()) {
            throw new TrialPrunedException(
                    "stopped early after epoch "
                            + epoch
                            + " at validation "
                            + objective
                            + " "
                            + metrics.get(objective),
                    metrics);
        }
    }
}
