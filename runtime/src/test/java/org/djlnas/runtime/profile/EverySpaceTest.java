package org.djlnas.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Map;
import java.util.Random;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.spaces.baseline.BagOfWordsProvider;
import org.djlnas.spaces.baseline.SmallCnnProvider;
import org.djlnas.spaces.darts.DartsProvider;
import org.djlnas.spaces.mlp.LinearProvider;
import org.djlnas.spaces.mobilenet.MobileNetProvider;
import org.djlnas.spaces.textnas.TextNasProvider;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every block type the ready spaces compile to is one the profiler counts: a new operation in a
 * space that it does not know fails here rather than counting as free.
 */
class EverySpaceTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = TestEngine.newManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void smallCnnMatchesTheHandCount() {
        Block network = network(new SmallCnnProvider(), Map.of(), 0, new Shape(2, 1, 28, 28));
        long conv1 = 32L * 1 * 9 * 28 * 28;
        long conv2 = 64L * 32 * 9 * 14 * 14;
        long linear = 64L * 7 * 7 * 10;
        assertThat(MultiplyAdds.of(network).total()).isEqualTo(conv1 + conv2 + linear);
    }

    @Test
    void linearSpaceCountsFeaturesTimesFreeLogits() {
        Block network =
                network(
                        new LinearProvider(),
                        Map.of("features", "30", "classes", "3"),
                        0,
                        new Shape(4, 30));
        assertThat(MultiplyAdds.of(network).total()).isEqualTo(30L * 2);
    }

    @Test
    void bagOfWordsCountsTokensTimesFreeLogits() {
        Block network =
                network(
                        new BagOfWordsProvider(),
                        Map.of("vocabulary-size", "100", "sequence-length", "16", "classes", "3"),
                        0,
                        new Shape(2, 16));
        assertThat(MultiplyAdds.of(network).total()).isEqualTo(16L * 2);
    }

    @Test
    void textNasDartsAndMobileNetNetworksAreCounted() {
        for (int seed = 0; seed < 4; seed++) {
            Block text =
                    network(
                            new TextNasProvider(),
                            Map.of(
                                    "vocabulary-size", "50",
                                    "sequence-length", "12",
                                    "embedding-size", "8",
                                    "nodes", "4"),
                            seed,
                            new Shape(2, 12));
            assertThatCode(() -> MultiplyAdds.of(text)).doesNotThrowAnyException();
            assertThatCode(() -> MemoryEstimate.of(text)).doesNotThrowAnyException();
            Block darts =
                    network(
                            new DartsProvider(),
                            Map.of(
                                    "channels", "4",
                                    "layers", "3",
                                    "input-channels", "1"),
                            seed,
                            new Shape(1, 1, 12, 12));
            assertThatCode(() -> MultiplyAdds.of(darts)).doesNotThrowAnyException();
            Block mobileNet =
                    network(new MobileNetProvider(), Map.of(), seed, new Shape(1, 3, 32, 32));
            assertThatCode(() -> MultiplyAdds.of(mobileNet)).doesNotThrowAnyException();
        }
    }

    private Block network(
            SearchSpaceProvider provider, Map<String, String> settings, int seed, Shape input) {
        SearchSpace space = Networks.space(provider, settings);
        Block block = space.compile(space.choices().sample(new Random(seed)));
        return Networks.initialized(block, manager, input);
    }
}
