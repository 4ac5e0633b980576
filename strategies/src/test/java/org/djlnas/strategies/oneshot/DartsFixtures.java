package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.djlnas.api.data.Task;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.MixingForm;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.spaces.darts.DartsProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;

/** Tiny supernets and a learnable synthetic data set for the DARTS tests. */
final class DartsFixtures {

    static final String ENGINE = "PyTorch";
    static final int SIDE = 8;
    static final int CLASSES = 3;

    private DartsFixtures() {}

    /** NAS-Bench-201 with 4 channels, one cell per stage, 1 input channel, 3 classes. */
    static OneShotSpace tinyNasBench201() {
        return tinyNasBench201(CLASSES);
    }

    /** NAS-Bench-201 with 4 channels, one cell per stage, 1 input channel and some outputs. */
    static OneShotSpace tinyNasBench201(int outputs) {
        NasBench201Provider provider = new NasBench201Provider();
        return (OneShotSpace)
                provider.create(
                        Settings.resolve(
                                "space",
                                provider.settings(),
                                Map.of(
                                        "channels", "4",
                                        "cells", "1",
                                        "input-channels", "1",
                                        "classes", Integer.toString(outputs))),
                        OpRegistry.discover());
    }

    /** DARTS with 4 channels, 3 layers, 2 nodes, 1 input channel, 3 classes. */
    static OneShotSpace tinyDarts() {
        DartsProvider provider = new DartsProvider();
        return (OneShotSpace)
                provider.create(
                        Settings.resolve(
                                "space",
                                provider.settings(),
                                Map.of(
                                        "channels", "4",
                                        "layers", "3",
                                        "nodes", "2",
                                        "input-channels", "1",
                                        "classes", Integer.toString(CLASSES))),
                        OpRegistry.discover());
    }

    static DartsSettings settings(int order, int maxSkipConnections) {
        return new DartsSettings(
                order,
                16,
                0.025,
                0.001,
                0.9,
                3e-4,
                5,
                3e-3,
                0.5,
                0.999,
                1e-3,
                maxSkipConnections,
                0);
    }

    static OneShotContext context(OneShotSpace space, long seed, int epochs) {
        return new OneShotContext(
                space,
                Settings.defaults("strategy", DartsSettings.specs(1)),
                seed,
                new Budget(epochs, 0),
                ENGINE,
                MixingForm.LOOPED);
    }

    /** The classes of the synthetic images: which third of the rows is brightest. */
    static final Task THREE_CLASSES = new Task.Classification(List.of("top", "middle", "bottom"));

    /**
     * Images whose class is the third (top, middle or bottom rows) that is brightest, plus noise;
     * the weight half and the architecture half are disjoint.
     */
    static OneShotData data(NDManager manager, int examplesPerHalf) {
        float[][] weights = images(examplesPerHalf, 1);
        float[][] architecture = images(examplesPerHalf, 2);
        return halves(
                new Shape(1, SIDE, SIDE),
                batchSize -> dataset(manager, weights, batchSize),
                batchSize -> dataset(manager, architecture, batchSize));
    }

    /**
     * The regression of the synthetic images: the brightness of their top third, uniform in [0, 2]
     * (mean 1, deviation 1/√3), learnt standardised.
     */
    static final Task.Regression BRIGHTNESS =
            new Task.Regression("brightness", 1.0, 1.0 / Math.sqrt(3));

    /**
     * Images whose top third has a random brightness, the regression's target, plus noise; the
     * weight half and the architecture half are disjoint.
     */
    static OneShotData regressionData(NDManager manager, int examplesPerHalf) {
        float[][] weights = brightness(examplesPerHalf, 1);
        float[][] architecture = brightness(examplesPerHalf, 2);
        return new OneShotData() {
            @Override
            public Task task() {
                return BRIGHTNESS;
            }

            @Override
            public Shape exampleShape() {
                return new Shape(1, SIDE, SIDE);
            }

            @Override
            public Dataset weights(int epoch, int batchSize) {
                return dataset(manager, weights, batchSize);
            }

            @Override
            public Dataset architecture(int epoch, int batchSize) {
                return dataset(manager, architecture, batchSize);
            }
        };
    }

    private static float[][] brightness(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * SIDE * SIDE];
        float[] labels = new float[count];
        for (int n = 0; n < count; n++) {
            double target = 2 * random.nextDouble();
            labels[n] = (float) ((target - BRIGHTNESS.mean()) / BRIGHTNESS.scale());
            for (int row = 0; row < SIDE; row++) {
                double level = row * CLASSES / SIDE == 0 ? target : 0;
                for (int col = 0; col < SIDE; col++) {
                    pixels[(n * SIDE + row) * SIDE + col] =
                            (float) (level + 0.3 * random.nextGaussian());
                }
            }
        }
        return new float[][] {pixels, labels};
    }

    /**
     * Token sequences whose class is the third of the vocabulary most of their tokens come from;
     * the ids are floats, as the text data sources give them. The halves are disjoint.
     */
    static OneShotData tokenData(
            NDManager manager, int examplesPerHalf, int vocabulary, int length) {
        float[][] weights = tokens(examplesPerHalf, vocabulary, length, 1);
        float[][] architecture = tokens(examplesPerHalf, vocabulary, length, 2);
        return halves(
                new Shape(length),
                batchSize -> dataset(manager, weights, new Shape(length), batchSize),
                batchSize -> dataset(manager, architecture, new Shape(length), batchSize));
    }

    /** Data of the three classes whose halves are the given data sets, the same every epoch. */
    private static OneShotData halves(
            Shape example, IntFunction<Dataset> weights, IntFunction<Dataset> architecture) {
        return new OneShotData() {
            @Override
            public Task task() {
                return THREE_CLASSES;
            }

            @Override
            public Shape exampleShape() {
                return example;
            }

            @Override
            public Dataset weights(int epoch, int batchSize) {
                return weights.apply(batchSize);
            }

            @Override
            public Dataset architecture(int epoch, int batchSize) {
                return architecture.apply(batchSize);
            }
        };
    }

    private static float[][] tokens(int count, int vocabulary, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] ids = new float[count * length];
        float[] labels = new float[count];
        int third = vocabulary / CLASSES;
        for (int n = 0; n < count; n++) {
            int label = random.nextInt(CLASSES);
            labels[n] = label;
            for (int t = 0; t < length; t++) {
                boolean typical = random.nextDouble() < 0.7;
                ids[n * length + t] =
                        typical
                                ? label * third + random.nextInt(third)
                                : random.nextInt(vocabulary);
            }
        }
        return new float[][] {ids, labels};
    }

    /** One batch of the synthetic images. */
    static Batch batch(NDManager manager, int size, long seed) {
        float[][] data = images(size, seed);
        NDArray x = manager.create(data[0], new Shape(size, 1, SIDE, SIDE));
        NDArray y = manager.create(data[1], new Shape(size));
        return new Batch(
                manager.newSubManager(),
                new ai.djl.ndarray.NDList(x),
                new ai.djl.ndarray.NDList(y),
                size,
                null,
                null,
                0,
                1);
    }

    private static Dataset dataset(NDManager manager, float[][] data, int batchSize) {
        return dataset(manager, data, new Shape(1, SIDE, SIDE), batchSize);
    }

    private static Dataset dataset(
            NDManager manager, float[][] data, Shape example, int batchSize) {
        int size = data[1].length;
        return new ArrayDataset.Builder()
                .setData(manager.create(data[0], new Shape(size).addAll(example)))
                .optLabels(manager.create(data[1], new Shape(size)))
                .setSampling(batchSize, false)
                .build();
    }

    private static float[][] images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * SIDE * SIDE];
        float[] labels = new float[count];
        for (int n = 0; n < count; n++) {
            int label = random.nextInt(CLASSES);
            labels[n] = label;
            for (int row = 0; row < SIDE; row++) {
                boolean bright = row * CLASSES / SIDE == label;
                for (int col = 0; col < SIDE; col++) {
                    pixels[(n * SIDE + row) * SIDE + col] =
                            (float) ((bright ? 1.0 : 0.0) + 0.5 * random.nextGaussian());
                }
            }
        }
        return new float[][] {pixels, labels};
    }
}
