package org.djlnas.spaces.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.math.BigInteger;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class SmallCnnSpaceTest {

    private final SearchSpace space = SpaceFixtures.space(new SmallCnnProvider(), Map.of());

    @Test
    void hasExactlyOneArchitectureTheEmptyOne() {
        assertThat(space.size().count()).isEqualTo(BigInteger.ONE);
        assertThat(space.validate(Architecture.of(Map.of()))).isEqualTo(Architecture.of(Map.of()));
        assertThatThrownBy(() -> space.validate(Architecture.of(Map.of("op", "x"))))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("op");
    }

    @Test
    void isTheConv32Conv64LinearNetworkOfFiftyThousandParameters() {
        try (NDManager manager = TestEngine.newManager()) {
            Block block = space.compile(Architecture.of(Map.of()));
            Shape input = new Shape(4, 1, 28, 28);
            SpaceFixtures.initialized(block, manager, input);
            assertThat(ParameterCount.trainable(block))
                    .as("(9+1)·32 + (9·32+1)·64 + (64·7·7+1)·10")
                    .isEqualTo(50_186L);
            Shape output =
                    block.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(manager.randomNormal(input)),
                                    false)
                            .singletonOrThrow()
                            .getShape();
            assertThat(output).isEqualTo(new Shape(4, 10));
        }
    }
}
