package org.djlnas.spaces.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class BagOfWordsTest {

    @Test
    void logitsAreTheSumOfTheTokensWeightsWithoutPadding() {
        SearchSpace space =
                SpaceFixtures.space(
                        new BagOfWordsProvider(),
                        Map.of("vocabulary-size", "4", "sequence-length", "5", "classes", "2"));
        try (NDManager manager = TestEngine.newManager()) {
            Shape input = new Shape(2, 5);
            Block block =
                    SpaceFixtures.initialized(
                            space.compile(Architecture.of(Map.of())), manager, input);
            NDArray weights = block.getParameters().get("weight").getArray();
            weights.set(new float[] {100, 0, 2, 5});
            NDArray ids =
                    manager.create(new float[] {2, 3, 3, 0, 0, 1, 0, 0, 0, 0}, new Shape(2, 5));
            NDArray logits =
                    block.forward(new ParameterStore(manager, false), new NDList(ids), false)
                            .singletonOrThrow();
            // class 0 is the reference; w2 + 2·w3 = 2 + 2·5; the second document holds only id 1
            assertThat(logits.toFloatArray()).containsExactly(0f, 12f, 0f, 0f);
            assertThat(block.getOutputShapes(new Shape[] {input})[0]).isEqualTo(new Shape(2, 2));
        }
    }
}
