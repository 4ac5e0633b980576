package org.djlnas.conformance;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.runtime.search.Plugins;

/**
 * The networks and inputs the suite runs: small instances of the ready spaces on Fashion-MNIST's
 * image shape, random architectures drawn with fixed seeds, inputs drawn on the host so every
 * engine sees the same numbers.
 */
public final class ReferenceNetworks {

    /** One Fashion-MNIST image: one channel of 28×28. */
    public static final Shape IMAGE = new Shape(1, 28, 28);

    /** The classes of Fashion-MNIST. */
    public static final int CLASSES = 10;

    private static final Plugins PLUGINS = Plugins.discover();

    private ReferenceNetworks() {}

    /**
     * Returns a small instance of a ready space, sized for Fashion-MNIST.
     *
     * @param id the space's id: {@code small-cnn}, {@code nas-bench-201}, {@code darts} or {@code
     *     mobilenet}
     * @return the space
     */
    public static SearchSpace space(String id) {
        Map<String, String> settings =
                switch (id) {
                    case "small-cnn" -> Map.of("input-channels", "1");
                    case "nas-bench-201" ->
                            Map.of("input-channels", "1", "channels", "8", "cells", "1");
                    case "darts" ->
                            Map.of(
                                    "input-channels",
                                    "1",
                                    "channels",
                                    "4",
                                    "layers",
                                    "3",
                                    "nodes",
                                    "2");
                    case "mobilenet" ->
                            Map.of(
                                    "input-channels", "1",
                                    "input-height", "28",
                                    "input-width", "28",
                                    "stem-width", "8",
                                    "widths", "8,16",
                                    "strides", "2,2",
                                    "max-depth", "2",
                                    "head-width", "16");
                    default ->
                            throw new IllegalArgumentException("no reference space '" + id + "'");
                };
        return PLUGINS.space(id, settings);
    }

    /**
     * Draws an architecture of a space with a fixed seed.
     *
     * @param space the space
     * @param seed the seed
     * @return the architecture
     */
    public static Architecture architecture(SearchSpace space, long seed) {
        return space.choices().sample(new SplittableRandom(seed));
    }

    /**
     * Draws a batch of images, uniform in [0, 1), on the host.
     *
     * @param manager the manager to create the array with
     * @param batch the batch size
     * @param seed the seed
     * @return the batch, {@code (batch, 1, 28, 28)}
     */
    public static NDArray images(NDManager manager, int batch, long seed) {
        return uniform(manager, new Shape(batch).addAll(IMAGE), seed);
    }

    /**
     * Draws an array uniform in [0, 1) on the host.
     *
     * @param manager the manager to create the array with
     * @param shape its shape
     * @param seed the seed
     * @return the array
     */
    public static NDArray uniform(NDManager manager, Shape shape, long seed) {
        return manager.create(uniformValues(shape, seed), shape);
    }

    /**
     * Draws values uniform in [0, 1) on the host.
     *
     * @param shape the shape they fill
     * @param seed the seed
     * @return the values, row-major
     */
    public static float[] uniformValues(Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    /**
     * Draws class labels on the host.
     *
     * @param manager the manager to create the array with
     * @param batch how many
     * @param seed the seed
     * @return the labels, {@code (batch)}, as floats as DJL's loss takes them
     */
    public static NDArray labels(NDManager manager, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[batch];
        for (int i = 0; i < batch; i++) {
            values[i] = random.nextInt(CLASSES);
        }
        return manager.create(values);
    }

    /**
     * Creates a model holding a freshly compiled, initialized network on an engine.
     *
     * @param engineName the engine
     * @param block the compiled network
     * @param seed the engine's random seed for initialisation
     * @return the model; the caller closes it
     */
    public static Model initialized(String engineName, Block block, long seed) {
        Model model =
                Model.newInstance("conformance", DeviceChoice.forEngine(engineName), engineName);
        model.setBlock(block);
        synchronized (EngineLocks.RANDOM) {
            Engine.getEngine(engineName).setRandomSeed(Math.toIntExact(seed));
            block.initialize(model.getNDManager(), DataType.FLOAT32, batchShape(2));
        }
        return model;
    }

    /**
     * Trains a model's network for a few SGD steps on one fixed random batch, so that its weights
     * and batch-normalisation statistics are no longer those of initialisation.
     *
     * @param model a model from {@link #initialized}
     * @param steps how many steps
     * @param learningRate the SGD learning rate
     * @param seed the seed of the batch
     * @return the loss of each step
     */
    public static float[] train(Model model, int steps, float learningRate, long seed) {
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(
                                Optimizer.sgd()
                                        .setLearningRateTracker(Tracker.fixed(learningRate))
                                        .optMomentum(0.9f)
                                        .build());
        float[] losses = new float[steps];
        try (Trainer trainer = model.newTrainer(config);
                NDManager batchManager = model.getNDManager().newSubManager()) {
            NDArray x = images(batchManager, 16, seed);
            NDArray y = labels(batchManager, 16, seed + 1);
            for (int step = 0; step < steps; step++) {
                synchronized (EngineLocks.GRADIENTS) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray loss =
                                trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                        losses[step] = loss.getFloat();
                        collector.backward(loss);
                    }
                }
                trainer.step();
            }
        }
        return losses;
    }

    /**
     * Predicts in inference mode.
     *
     * @param model the model
     * @param images the images, as host values
     * @param shape their shape
     * @return the logits, as host values
     */
    public static float[] predict(Model model, float[] images, Shape shape) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(images, shape);
            ParameterStore parameters = new ParameterStore(manager, false);
            return model.getBlock()
                    .forward(parameters, new NDList(x), false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    /**
     * Returns the shape of a batch of images.
     *
     * @param batch the batch size
     * @return {@code (batch, 1, 28, 28)}
     */
    public static Shape batchShape(int batch) {
        return new Shape(batch).addAll(IMAGE);
    }
}
