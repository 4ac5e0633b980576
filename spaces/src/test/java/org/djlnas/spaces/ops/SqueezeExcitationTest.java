package org.djlnas.spaces.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class SqueezeExcitationTest {

    @Test
    void scalesEachChannelOfEachImageByOneGateBetweenZeroAndOne() {
        try (NDManager manager = TestEngine.newManager()) {
            Shape shape = new Shape(2, 6, 5, 4);
            SqueezeExcitation block =
                    (SqueezeExcitation)
                            SpaceFixtures.initialized(new SqueezeExcitation(6, 3), manager, shape);
            assertThat(ParameterCount.trainable(block)).isEqualTo(6 * 3 + 3 + 3 * 6 + 6);
            // Positive weights, so that no hidden unit is cut off by the ReLU for both images (with
            // random weights all three may be, and every gate is then sigmoid(bias)).
            block.getParameters().values().forEach(p -> p.getArray().muli(0).addi(0.1f));
            NDArray x = manager.randomUniform(0.5f, 1.5f, shape);
            NDArray y =
                    block.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(shape);
            NDArray gates = y.div(x);
            NDArray perChannel = gates.mean(new int[] {3}, true).mean(new int[] {2}, true);
            assertThat(gates.sub(perChannel).abs().max().getFloat())
                    .as("one gate per image and channel")
                    .isLessThan(1e-5f);
            assertThat(gates.min().getFloat()).isGreaterThan(0f);
            assertThat(gates.max().getFloat()).isLessThan(1f);
            assertThat(perChannel.get(0).sub(perChannel.get(1)).abs().max().getFloat())
                    .as("the gates depend on the image")
                    .isGreaterThan(1e-6f);
        }
    }

    @Test
    void refusesAnInputOfOtherChannels() {
        try (NDManager manager = TestEngine.newManager()) {
            assertThatThrownBy(
                            () ->
                                    new SqueezeExcitation(6, 3)
                                            .initialize(
                                                    manager,
                                                    DataType.FLOAT32,
                                                    new Shape(1, 5, 4, 4)))
                    .hasMessage(
                            "squeeze-and-excitation over 6 channels cannot take an input of shape"
                                    + " (1, 5, 4, 4); expected (N, 6, H, W)");
        }
    }
}
