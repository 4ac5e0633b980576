package org.djlnas.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private final Comparison comparison = new Comparison(UnaryOperator.identity());

    @Test
    void oneElementMovedByATermFailsAnOperatorButNotANetwork() {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            NDArray reference =
                    manager.randomNormal(new Shape(8, 6, 16, 16)).toType(DataType.FLOAT64, false);
            NDArray single = reference.toType(DataType.FLOAT32, true);
            // A ReLU flipped near zero: one element loses a term of typical size.
            single.set(new NDIndex("0, 0, 0, 0"), single.get("0, 0, 0, 0").getFloat() + 1f);

            double largest =
                    comparison.worst(
                            new NDList(single), new NDList(reference), Comparison.Norm.LARGEST);
            double euclidean =
                    comparison.worst(
                            new NDList(single), new NDList(reference), Comparison.Norm.EUCLIDEAN);

            assertThat(largest).isGreaterThan(KernelCheckConfig.DEFAULT_TOLERANCE * 100);
            // About 1/sqrt(12,288) of the array's norm.
            assertThat(euclidean).isBetween(5e-3, KernelCheckConfig.DEFAULT_NETWORK_TOLERANCE / 4);
        }
    }

    @Test
    void aKernelWrongEverywhereFailsBoth() {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            NDArray reference =
                    manager.randomNormal(new Shape(8, 6, 16, 16)).toType(DataType.FLOAT64, false);
            // Every element off by a quarter of its typical size: far less than 2026-11-27's 0.7.
            NDArray noise =
                    manager.randomNormal(reference.getShape()).toType(DataType.FLOAT64, false);
            NDArray single =
                    reference
                            .add(noise.div(manager.full(new Shape(), 4f, DataType.FLOAT64)))
                            .toType(DataType.FLOAT32, false);

            for (Comparison.Norm norm : Comparison.Norm.values()) {
                assertThat(comparison.worst(new NDList(single), new NDList(reference), norm))
                        .as(norm.name())
                        .isGreaterThan(KernelCheckConfig.DEFAULT_NETWORK_TOLERANCE * 4);
            }
        }
    }

    @Test
    void aGradientZeroButForRoundingIsMeasuredAgainstTheLargestResult() {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray large = manager.ones(new Shape(10), DataType.FLOAT64);
            NDArray tiny = manager.full(new Shape(10), 1e-17f, DataType.FLOAT64);
            NDArray roundedTiny = manager.full(new Shape(10), 1e-9f);

            double error =
                    comparison.worst(
                            new NDList(large.toType(DataType.FLOAT32, true), roundedTiny),
                            new NDList(large, tiny),
                            Comparison.Norm.LARGEST);

            assertThat(error).isBetween(0.9e-6, 1.1e-6);
        }
    }
}
