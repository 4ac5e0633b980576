package org.djlnas.runtime.training;

import static java.util.Objects.requireNonNull;

import org.djlnas.api.data.DataSplit;

/**
 * How {@link TrainingEvaluator} trains and measures each trial.
 *
 * <p>The defaults ({@link #defaults()}) follow the usual small-budget NAS recipe:
 *
 * <ul>
 *   <li>batch size 64;
 *   <li>SGD with momentum 0.9 (heavy ball, not Nesterov), initial learning rate 0.05 decayed to 0
 *       along a cosine over the trial's total steps;
 *   <li>weight decay 3e-4 on convolution and linear weights only (not on biases or batch
 *       normalisation's scale and shift);
 *   <li>convolution and linear weights drawn He/Kaiming-normal (DJL's {@code
 *       XavierInitializer(GAUSSIAN, IN, 2)}: N(0, 2 / fan-in));
 *   <li>10% of the training set held out for validation by {@link DataSplit} with seed 0, all of it
 *       used;
 *   <li>after training, batch normalisation's running statistics re-estimated from 30 training
 *       batches (see {@code recalibrationBatches});
 *   <li>inference latency: the median of 5 timed forward passes after 2 untimed ones, of one
 *       example and of a batch of {@code batchSize} examples.
 * </ul>
 *
 * @param batchSize examples per training and inference batch
 * @param learningRate the initial learning rate
 * @param momentum SGD's momentum, 0 for none
 * @param weightDecay the L2 penalty on weights
 * @param split how the training set is split into training and validation examples; its seed is the
 *     experiment's, not the trial's, so that all trials are validated on the same examples
 * @param recalibrationBatches training batches passed through the network in training mode
 *     (forward, and backward too on engines that update the statistics there, such as MXNet),
 *     without updating the weights, after the last step, so that batch normalisation's running
 *     statistics describe the final weights; 0 turns this off. The running statistics are moving
 *     averages that keep 90% of their value per batch; after a short training they still mostly
 *     describe earlier weights, and validation in evaluation mode suffers (measured: 32 steps of a
 *     C=4 NAS-Bench-201 network on Fashion-MNIST gave 16% validation accuracy without recalibration
 *     and 39% with it). 30 batches leave 4% weight to the statistics seen during training
 * @param latencyBatches the timed forward passes whose median is each latency metric
 */
public record TrainingSettings(
        int batchSize,
        float learningRate,
        float momentum,
        float weightDecay,
        DataSplit split,
        int recalibrationBatches,
        int latencyBatches) {

    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /** Default initial learning rate. */
    public static final float DEFAULT_LEARNING_RATE = 0.05f;

    /** Default momentum. */
    public static final float DEFAULT_MOMENTUM = 0.9f;

    /** Default weight decay. */
    public static final float DEFAULT_WEIGHT_DECAY = 3e-4f;

    /** Default number of batches that re-estimate batch normalisation's statistics. */
    public static final int DEFAULT_RECALIBRATION_BATCHES = 30;

    /** Default number of timed inference passes. */
    public static final int DEFAULT_LATENCY_BATCHES = 5;

    /** Validates the fields. */
    public TrainingSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is " + batchSize + "; expected >= 1");
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learningRate is " + learningRate + "; expected a finite number > 0");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException(
                    "momentum is " + momentum + "; expected a number in [0, 1)");
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException(
                    "weightDecay is " + weightDecay + "; expected a finite number >= 0");
        }
        requireNonNull(split, "split is null");
        if (recalibrationBatches < 0) {
            throw new IllegalArgumentException(
                    "recalibrationBatches is "
                            + recalibrationBatches
                            + "; expected >= 0 (0 for none)");
        }
        if (latencyBatches < 1) {
            throw new IllegalArgumentException(
                    "latencyBatches is " + latencyBatches + "; expected >= 1");
        }
    }

    /**
     * Returns the default settings (see the type's description).
     *
     * @return the defaults
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(
                DEFAULT_BATCH_SIZE,
                DEFAULT_LEARNING_RATE,
                DEFAULT_MOMENTUM,
                DEFAULT_WEIGHT_DECAY,
                DataSplit.of(0),
                DEFAULT_RECALIBRATION_BATCHES,
                DEFAULT_LATENCY_BATCHES);
    }

    /**
     * Returns these settings with another batch size.
     *
     * @param value the batch size
     * @return the settings
     */
    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(
                value,
                learningRate,
                momentum,
                weightDecay,
                split,
                recalibrationBatches,
                latencyBatches);
    }

    /**
     * Returns these settings with another initial learning rate.
     *
     * @param value the initial learning rate
     * @return the settings
     */
    public TrainingSettings withLearningRate(float value) {
        return new TrainingSettings(
                batchSize,
                value,
                momentum,
                weightDecay,
                split,
                recalibrationBatches,
                latencyBatches);
    }

    /**
     * Returns these settings with another momentum.
     *
     * @param value the momentum
     * @return the settings
     */
    public TrainingSettings withMomentum(float value) {
        return new TrainingSettings(
                batchSize,
                learningRate,
                value,
                weightDecay,
                split,
                recalibrationBatches,
                latencyBatches);
    }

    /**
     * Returns these settings with another weight decay.
     *
     * @param value the weight decay
     * @return the settings
     */
    public TrainingSettings withWeightDecay(float value) {
        return new TrainingSettings(
                batchSize,
                learningRate,
                momentum,
                value,
                split,
                recalibrationBatches,
                latencyBatches);
    }

    /**
     * Returns these settings with another train/validation split.
     *
     * @param value the train/validation split
     * @return the settings
     */
    public TrainingSettings withSplit(DataSplit value) {
        return new TrainingSettings(
                batchSize,
                learningRate,
                momentum,
                weightDecay,
                value,
                recalibrationBatches,
                latencyBatches);
    }

    /**
     * Returns these settings with another number of recalibration batches.
     *
     * @param value the number of recalibration batches
     * @return the settings
     */
    public TrainingSettings withRecalibrationBatches(int value) {
        return new TrainingSettings(
                batchSize, learningRate, momentum, weightDecay, split, value, latencyBatches);
    }

    /**
     * Returns these settings with another number of timed inference passes.
     *
     * @param value the number of timed inference passes
     * @return the settings
     */
    public TrainingSettings withLatencyBatches(int value) {
        return new TrainingSettings(
                batchSize, learningRate, momentum, weightDecay, split, recalibrationBatches, value);
    }
}
