package org.djlnas.spaces.darts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.math.BigInteger;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class DartsSpaceTest {

    private static DartsSpace space(Map<String, String> settings) {
        return (DartsSpace) SpaceFixtures.space(new DartsProvider(), settings);
    }

    @Test
    void sizeIsTheSquareOfOneCellsSize() {
        BigInteger cell =
                BigInteger.valueOf(1L * 3 * 6 * 10).multiply(BigInteger.valueOf(7).pow(8));
        assertThat(space(Map.of()).size().count()).isEqualTo(cell.pow(2));
        assertThat(space(Map.of()).size().toHumanString()).isEqualTo("1.08e18");
    }

    @Test
    void dartsV2OnCifarHasThePublishedParameterCount() {
        // The DARTS code's train.py reports "param size = 3.349342MB" for DARTS_V2 with C=36,
        // 20 layers, 10 classes (auxiliary head excluded).
        DartsSpace space = space(Map.of("channels", "36", "layers", "20"));
        Architecture v2 = DartsGenotype.parse(space, DartsGenotype.DARTS_V2);
        try (NDManager manager = TestEngine.newManager()) {
            Block block =
                    SpaceFixtures.initialized(space.compile(v2), manager, new Shape(1, 3, 32, 32));
            assertThat(ParameterCount.trainable(block)).isEqualTo(3_349_342L);
        }
    }

    @Test
    void dartsV2TrainsOnFashionMnistSizedInput() {
        DartsSpace space = space(Map.of("channels", "8", "layers", "5", "input-channels", "1"));
        Architecture v2 = DartsGenotype.parse(space, DartsGenotype.DARTS_V2);
        Shape input = new Shape(4, 1, 28, 28);
        try (NDManager manager = TestEngine.newManager()) {
            Block block = SpaceFixtures.initialized(space.compile(v2), manager, input);
            assertThat(block.getOutputShapes(new Shape[] {input})[0]).isEqualTo(new Shape(4, 10));
            ParameterStore store = new ParameterStore(manager, false);
            var x = manager.randomNormal(input);
            var labels = manager.create(new float[] {0, 1, 2, 3});
            float first = 0;
            float last = 0;
            for (int step = 0; step < 5; step++) {
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDList out = block.forward(store, new NDList(x), true);
                    var loss =
                            new ai.djl.training.loss.SoftmaxCrossEntropyLoss()
                                    .evaluate(new NDList(labels), out);
                    collector.backward(loss);
                    if (step == 0) {
                        first = loss.getFloat();
                    }
                    last = loss.getFloat();
                }
                for (var parameter : block.getParameters().values()) {
                    if (parameter.requiresGradient()) {
                        var w = parameter.getArray();
                        w.subi(w.getGradient().mul(0.1f));
                    }
                }
            }
            assertThat(last).as("loss falls while fitting 4 examples").isLessThan(first);
        }
    }

    @Test
    void genotypesRoundTrip() {
        DartsSpace space = space(Map.of());
        Architecture v2 = DartsGenotype.parse(space, DartsGenotype.DARTS_V2);
        // Inputs are a set, so the formatted genotype lists each node's edges by input.
        assertThat(DartsGenotype.format(space, v2))
                .startsWith("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1),")
                .contains("('skip_connect', 0), ('sep_conv_3x3', 1)")
                .endsWith("reduce_concat=[2, 3, 4, 5])");
        assertThat(DartsGenotype.parse(space, DartsGenotype.format(space, v2))).isEqualTo(v2);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100; i++) {
            Architecture arch = space.sample(random);
            assertThat(DartsGenotype.parse(space, DartsGenotype.format(space, arch)))
                    .isEqualTo(arch);
        }
    }

    @Test
    void genotypeWithARepeatedInputIsRejectedByLabel() {
        DartsSpace space = space(Map.of());
        String repeated =
                DartsGenotype.DARTS_V2.replace(
                        "('sep_conv_3x3', 1), ('sep_conv_3x3', 0)",
                        "('sep_conv_3x3', 0), ('sep_conv_3x3', 0)");
        assertThatThrownBy(() -> DartsGenotype.parse(space, repeated))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("normal/node")
                .hasMessageContaining("twice");
    }

    @Test
    void reductionCellsSitAtOneThirdAndTwoThirds() {
        assertThat(DartsSpace.isReduction(2, 8)).isTrue();
        assertThat(DartsSpace.isReduction(5, 8)).isTrue();
        assertThat(DartsSpace.isReduction(6, 20)).isTrue();
        assertThat(DartsSpace.isReduction(13, 20)).isTrue();
        assertThat(DartsSpace.isReduction(0, 8)).isFalse();
    }
}
