package org.djlnas.runtime.training;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.tracker.Tracker;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;

/**
 * The training recipe of {@link TrainingSettings} as DJL's training configuration: the task's loss
 * ({@link TaskMeasure#loss}: softmax cross-entropy, or L2 on the standardised target), He-normal
 * weights, and SGD with momentum and weight decay on weights only, its learning rate decayed to 0
 * along a cosine over the steps. With {@link Distillation}, the loss is {@link DistillationLoss}
 * around the task's loss.
 */
public final class TrainingRecipe {

    private TrainingRecipe() {}

    /**
     * Returns the configuration to train a block with.
     *
     * @param block the block to train
     * @param settings the learning rate, momentum and weight decay
     * @param steps the steps the cosine schedule spans
     * @param task what the block learns
     * @return the configuration
     */
    public static DefaultTrainingConfig config(
            Block block, TrainingSettings settings, int steps, Task task) {
        return config(block, settings, steps, task, Optional.empty());
    }

    /**
     * Returns the configuration to train a block with, learning from a teacher when distilling.
     *
     * @param block the block to train
     * @param settings the learning rate, momentum and weight decay
     * @param steps the steps the cosine schedule spans
     * @param task what the block learns
     * @param distillation the temperature and weight of the teacher's term, when distilling
     * @return the configuration
     * @throws IllegalArgumentException if distilling a task that is not classification
     */
    public static DefaultTrainingConfig config(
            Block block,
            TrainingSettings settings,
            int steps,
            Task task,
            Optional<Distillation> distillation) {
        if (distillation.isPresent() && !(task instanceof Task.Classification)) {
            throw new IllegalArgumentException(
                    "`teacher` distils class probabilities; expected a classification task");
        }
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
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(
                                distillation.isPresent()
                                        ? new DistillationLoss(
                                                TaskMeasure.loss(task), distillation.get())
                                        : TaskMeasure.loss(task))
                        .optInitializer(
                                new XavierInitializer(
                                        XavierInitializer.RandomType.GAUSSIAN,
                                        XavierInitializer.FactorType.IN,
                                        2),
                                Parameter.Type.WEIGHT)
                        .optOptimizer(
                                new WeightsOnlyDecaySgd(
                                        learningRate,
                                        settings.momentum(),
                                        settings.weightDecay(),
                                        weights));
        return task instanceof Task.Classification ? config.addEvaluator(new Accuracy()) : config;
    }
}
