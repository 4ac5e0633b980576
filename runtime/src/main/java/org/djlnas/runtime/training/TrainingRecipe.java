package org.djlnas.runtime.training;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.tracker.Tracker;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The training recipe of {@link TrainingSettings} as DJL's training configuration: softmax
 * cross-entropy loss, He-normal weights, and SGD with momentum and weight decay on weights only,
 * its learning rate decayed to 0 along a cosine over the steps.
 */
public final class TrainingRecipe {

    private TrainingRecipe() {}

    /**
     * Returns the configuration to train a block with.
     *
     * @param block the block to train
     * @param settings the learning rate, momentum and weight decay
     * @param steps the steps the cosine schedule spans
     * @return the configuration
     */
    public static DefaultTrainingConfig config(Block block, TrainingSettings settings, int steps) {
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
}
