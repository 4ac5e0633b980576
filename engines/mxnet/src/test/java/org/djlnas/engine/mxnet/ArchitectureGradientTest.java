package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;

/**
 * Checks the capability {@link MxNetSupport} declares for supernets: MXNet's gradient of a
 * supernet's training loss in its architecture parameters α matches central finite differences.
 */
class ArchitectureGradientTest {

    private static final Shape INPUT = new Shape(16, 1, 8, 8);
    private static final int CLASSES = 3;
    private static final double STEP = 2e-3;

    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    @Test
    void backwardGivesTheFiniteDifferenceGradientOfTheLossInAlpha() {
        Engine engine =
                EngineSelector.discover()
                        .select(
                                Optional.of(MxNetSupport.ENGINE_NAME),
                                EngineCapability.ARCHITECTURE_GRADIENTS);
        OneShotSpace space = space();
        try (NDManager manager = engine.newBaseManager()) {
            ArchitectureWeights alphas =
                    ArchitectureWeights.create(manager, space.searchCells(), 1, 1e-3);
            Map<String, double[]> point = spreadOut(alphas.values());
            alphas.load(point);
            Block block = space.superNet(alphas);
            engine.setRandomSeed(5);
            block.initialize(manager, DataType.FLOAT32, INPUT);
            ParameterStore parameters = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(INPUT);
            NDArray y = manager.randomInteger(0, CLASSES, new Shape(INPUT.get(0)), DataType.INT32);

            try (GradientCollector collector = engine.newGradientCollector()) {
                collector.backward(loss(block, parameters, x, y));
            }
            double[] analytic = gradients(alphas);

            double[] numeric = new double[analytic.length];
            int index = 0;
            for (Map.Entry<String, double[]> edge : point.entrySet()) {
                for (int candidate = 0; candidate < edge.getValue().length; candidate++) {
                    double plus =
                            lossAt(
                                    block,
                                    parameters,
                                    x,
                                    y,
                                    alphas,
                                    point,
                                    edge.getKey(),
                                    candidate,
                                    STEP);
                    double minus =
                            lossAt(
                                    block,
                                    parameters,
                                    x,
                                    y,
                                    alphas,
                                    point,
                                    edge.getKey(),
                                    candidate,
                                    -STEP);
                    numeric[index++] = (plus - minus) / (2 * STEP);
                }
            }

            assertThat(norm(analytic)).isGreaterThan(1e-2);
            double cosine = dot(analytic, numeric) / (norm(analytic) * norm(numeric));
            System.out.printf(
                    "α gradient: norm %.4f, cosine with finite differences %.6f%n",
                    norm(analytic), cosine);
            assertThat(cosine).isGreaterThan(0.99);
            assertThat(distance(analytic, numeric) / norm(numeric)).isLessThan(0.1);
        }
    }

    private NDArray loss(Block block, ParameterStore parameters, NDArray x, NDArray y) {
        NDList logits = block.forward(parameters, new NDList(x), true);
        return loss.evaluate(new NDList(y), logits);
    }

    /**
     * The training-mode loss with one α entry moved by {@code delta}. MXNet runs batch
     * normalisation in training mode only inside a gradient collector; no backward pass follows, so
     * nothing else changes (MXNet updates the running statistics in the backward pass).
     */
    @SuppressWarnings("try") // the collector is opened for its effect on the engine's mode
    private double lossAt(
            Block block,
            ParameterStore parameters,
            NDArray x,
            NDArray y,
            ArchitectureWeights alphas,
            Map<String, double[]> point,
            String edge,
            int candidate,
            double delta) {
        Map<String, double[]> moved = new LinkedHashMap<>(point);
        double[] values = point.get(edge).clone();
        values[candidate] += delta;
        moved.put(edge, values);
        alphas.load(moved);
        try (GradientCollector collector = x.getManager().getEngine().newGradientCollector();
                NDManager scope = x.getManager().newSubManager()) {
            scope.tempAttachAll(new NDList(x, y));
            return loss(block, parameters, x, y).getFloat();
        } finally {
            alphas.load(point);
        }
    }

    private static OneShotSpace space() {
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
                                        "classes", Integer.toString(CLASSES))),
                        OpRegistry.discover());
    }

    /** Random α, uniform in [-0.5, 0.5), so that no mixing weights are uniform. */
    private static Map<String, double[]> spreadOut(Map<String, double[]> shape) {
        SplittableRandom random = new SplittableRandom(3);
        Map<String, double[]> result = new LinkedHashMap<>();
        shape.forEach(
                (edge, values) -> {
                    double[] spread = new double[values.length];
                    for (int i = 0; i < spread.length; i++) {
                        spread[i] = random.nextDouble() - 0.5;
                    }
                    result.put(edge, spread);
                });
        return result;
    }

    private static double[] gradients(ArchitectureWeights alphas) {
        return alphas.arrays().stream()
                .flatMapToDouble(
                        alpha -> {
                            float[] values = alpha.getGradient().toFloatArray();
                            return IntStream.range(0, values.length).mapToDouble(i -> values[i]);
                        })
                .toArray();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
