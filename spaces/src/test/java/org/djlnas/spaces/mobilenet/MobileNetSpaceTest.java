package org.djlnas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.spaces.ops.Residual;
import org.djlnas.spaces.ops.SqueezeExcitation;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class MobileNetSpaceTest {

    /** The blocks of a compiled network start after the input check, the stem conv, BN, ReLU6. */
    private static final int FIRST_BLOCK = 4;

    /** Small stages so that compiling and running many samples is quick. */
    private static final Map<String, String> SMALL =
            Map.of("stem-width", "8", "widths", "8,16,24", "strides", "1,2,2", "head-width", "32");

    private static MobileNetSpace space(Map<String, String> settings) {
        return (MobileNetSpace) SpaceFixtures.space(new MobileNetProvider(), settings);
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> settings = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void countsEveryStagesDepthsAndBlockChoices() {
        BigInteger perBlock = BigInteger.valueOf(3 * 3 * 2);
        BigInteger perStage =
                perBlock.add(perBlock.pow(2)).add(perBlock.pow(3)).add(perBlock.pow(4));
        assertThat(perStage).isEqualTo(BigInteger.valueOf(111_150));
        assertThat(space(Map.of()).size().count()).isEqualTo(perStage.pow(5));
        assertThat(space(with(SMALL, "min-depth", "2", "max-depth", "3")).size().count())
                .isEqualTo(perBlock.pow(2).add(perBlock.pow(3)).pow(3));
        assertThat(space(Map.of()).choices().choicesByLabel())
                .containsKeys("stage0", "stage4", "stage4/3/kernel", "stage0/0/expansion")
                .containsKey("stage2/1/se")
                .doesNotContainKey("stage5");
    }

    @Test
    void sampledNetworksRunOnImagesOfAnySizeAndChannels() {
        SplittableRandom random = new SplittableRandom(11);
        List<Shape> inputs =
                List.of(new Shape(2, 1, 28, 28), new Shape(2, 3, 32, 32), new Shape(2, 3, 64, 64));
        try (NDManager manager = TestEngine.newManager()) {
            for (Shape input : inputs) {
                MobileNetSpace space =
                        space(
                                with(
                                        SMALL,
                                        "input-channels",
                                        Long.toString(input.get(1)),
                                        "input-height",
                                        Long.toString(input.get(2)),
                                        "input-width",
                                        Long.toString(input.get(3)),
                                        "classes",
                                        "7"));
                for (int i = 0; i < 3; i++) {
                    Block block =
                            SpaceFixtures.initialized(
                                    space.compile(space.sample(random)), manager, input);
                    NDArray output =
                            block.forward(
                                            new ParameterStore(manager, false),
                                            new NDList(manager.randomUniform(0, 1, input)),
                                            true)
                                    .singletonOrThrow();
                    assertThat(output.getShape()).as("input %s", input).isEqualTo(new Shape(2, 7));
                    assertThat(block.getOutputShapes(new Shape[] {input})[0])
                            .isEqualTo(new Shape(2, 7));
                }
            }
        }
    }

    @Test
    void theStemStridesByTwoOnlyOnLargeImagesUnlessTold() {
        assertThat(stemStride(Map.of("input-height", "28", "input-width", "28"))).isEqualTo(1);
        assertThat(stemStride(Map.of("input-height", "64", "input-width", "200"))).isEqualTo(2);
        assertThat(stemStride(Map.of("input-height", "200", "input-width", "63"))).isEqualTo(1);
        assertThat(stemStride(Map.of("input-height", "28", "stem-stride", "2"))).isEqualTo(2);
        assertThat(stemStride(Map.of("input-height", "224", "stem-stride", "1"))).isEqualTo(1);
    }

    private static long stemStride(Map<String, String> settings) {
        Block network = space(settings).compile(space(settings).sample(new SplittableRandom(1)));
        Conv2d stem = (Conv2d) network.getChildren().get(1).getValue();
        return stem.getStride().get(0);
    }

    @Test
    void onlyBlocksThatKeepTheShapeGetAShortcut() {
        MobileNetSpace space =
                space(with(SMALL, "widths", "8,8,16", "strides", "1,2,1", "max-depth", "3"));
        SplittableRandom random = new SplittableRandom(5);
        int shortcuts = 0;
        int plain = 0;
        try (NDManager manager = TestEngine.newManager()) {
            for (int sample = 0; sample < 8; sample++) {
                Architecture architecture = space.sample(random);
                List<InvertedResidual> blocks = space.blocks(architecture);
                Block network =
                        SpaceFixtures.initialized(
                                space.compile(architecture), manager, new Shape(1, 3, 12, 12));
                List<Block> children = network.getChildren().values();
                for (int i = 0; i < blocks.size(); i++) {
                    InvertedResidual block = blocks.get(i);
                    boolean sameShape =
                            block.stride() == 1 && block.inChannels() == block.outChannels();
                    assertThat(children.get(FIRST_BLOCK + i) instanceof Residual)
                            .as("block %d: %s", i, block)
                            .isEqualTo(sameShape);
                    if (sameShape) {
                        shortcuts++;
                    } else {
                        plain++;
                    }
                }
            }
        }
        // 8 → 8 at stride 1 (stage 0's first block) has one; stage 1's first block (stride 2)
        // and stage 2's (8 → 16) have none; every later block of a stage has one.
        assertThat(shortcuts).isGreaterThanOrEqualTo(8);
        assertThat(plain).isEqualTo(16);
    }

    @Test
    void theShortcutAddsTheInputToTheBody() {
        MobileNetSpace space = space(with(SMALL, "widths", "8", "strides", "1"));
        Architecture architecture =
                Architecture.of(
                        Map.of(
                                "stage0", 1,
                                "stage0/0/kernel", 3,
                                "stage0/0/expansion", 3,
                                "stage0/0/se", true));
        try (NDManager manager = TestEngine.newManager()) {
            Block network =
                    SpaceFixtures.initialized(
                            space.compile(architecture), manager, new Shape(2, 3, 6, 6));
            Residual residual = (Residual) network.getChildren().get(FIRST_BLOCK).getValue();
            NDArray x = manager.randomNormal(new Shape(2, 8, 6, 6));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray body = residual.body().forward(store, new NDList(x), false).singletonOrThrow();
            NDArray sum = residual.forward(store, new NDList(x), false).singletonOrThrow();
            assertThat(sum.sub(body).sub(x).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(body.abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    /**
     * Input 1 channel, 10 classes; stem 8; stage 0 (width 8, stride 1): one block k3 e3; stage 1
     * (width 16, stride 2): k5 e4 with squeeze-and-excitation, then k7 e6; head 32.
     */
    @Test
    void countsTheParametersOfAHandCheckedNetwork() {
        MobileNetSpace space =
                space(
                        Map.of(
                                "input-channels", "1",
                                "stem-width", "8",
                                "widths", "8,16",
                                "strides", "1,2",
                                "max-depth", "2",
                                "head-width", "32"));
        Map<String, Object> values = new HashMap<>();
        values.putAll(Map.of("stage0", 1, "stage0/0/kernel", 3, "stage0/0/expansion", 3));
        values.put("stage0/0/se", false);
        values.putAll(Map.of("stage1", 2, "stage1/0/kernel", 5, "stage1/0/expansion", 4));
        values.put("stage1/0/se", true);
        values.putAll(Map.of("stage1/1/kernel", 7, "stage1/1/expansion", 6));
        values.put("stage1/1/se", false);
        Architecture architecture = Architecture.of(values);
        long stem = 9 * 8 + 2 * 8;
        // expand 8→24, BN, depthwise 3×3 over 24, BN, project 24→8, BN
        long block0 = 8 * 24 + 2 * 24 + 24 * 9 + 2 * 24 + 24 * 8 + 2 * 8;
        // expand 8→32, BN, depthwise 5×5, BN, SE 32→8→32 with biases, project 32→16, BN
        long block1 =
                8 * 32
                        + 2 * 32
                        + 32 * 25
                        + 2 * 32
                        + (32 * 8 + 8)
                        + (8 * 32 + 32)
                        + 32 * 16
                        + 2 * 16;
        // expand 16→96, BN, depthwise 7×7, BN, project 96→16, BN (and a shortcut)
        long block2 = 16 * 96 + 2 * 96 + 96 * 49 + 2 * 96 + 96 * 16 + 2 * 16;
        long head = 16 * 32 + 2 * 32 + 32 * 10 + 10;
        try (NDManager manager = TestEngine.newManager()) {
            Block network =
                    SpaceFixtures.initialized(
                            space.compile(architecture), manager, new Shape(1, 1, 28, 28));
            assertThat(ParameterCount.trainable(network))
                    .isEqualTo(stem + block0 + block1 + block2 + head)
                    .isEqualTo(12_178);
            List<Block> children = network.getChildren().values();
            assertThat(children.get(FIRST_BLOCK)).isInstanceOf(Residual.class);
            assertThat(children.get(FIRST_BLOCK + 1)).isNotInstanceOf(Residual.class);
            assertThat(children.get(FIRST_BLOCK + 1).getChildren().values())
                    .anyMatch(SqueezeExcitation.class::isInstance);
            assertThat(children.get(FIRST_BLOCK + 2)).isInstanceOf(Residual.class);
        }
    }

    @Test
    void theWidthMultiplierRoundsToMultiplesOfEight() {
        assertThat(MobileNetSkeleton.divisible(24 * 0.5)).isEqualTo(16);
        assertThat(MobileNetSkeleton.divisible(40 * 0.75)).isEqualTo(32);
        assertThat(MobileNetSkeleton.divisible(3)).isEqualTo(8);
        assertThat(MobileNetSkeleton.divisible(100)).isEqualTo(104);
        MobileNetSkeleton skeleton =
                MobileNetSkeleton.of(space(Map.of("width-multiplier", "0.5")).settings());
        assertThat(skeleton.widths()).containsExactly(16, 24, 40, 56, 80);
        assertThat(skeleton.stemWidth()).isEqualTo(8);
        assertThat(skeleton.headWidth()).isEqualTo(480);
        assertThat(
                        MobileNetSkeleton.of(
                                        space(Map.of("widths", "5,7", "strides", "1,1")).settings())
                                .widths())
                .as("a multiplier of 1 keeps the widths as given")
                .containsExactly(5, 7);
    }

    @Test
    void refusesBadSettingsNamingThem() {
        assertThatThrownBy(() -> space(Map.of("widths", "16,24", "strides", "2,2,2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'strides' of space 'mobilenet' has 3 entries but 'widths' has 2;"
                                + " expected one stride per stage");
        assertThatThrownBy(() -> space(Map.of("widths", "16,x,24,32,40")))
                .hasMessage(
                        "setting 'widths' of space 'mobilenet' is '16,x,24,32,40'; expected"
                                + " positive integers separated by commas, one per stage");
        assertThatThrownBy(() -> space(Map.of("strides", "2,2,3,1,2")))
                .hasMessageContaining("setting 'strides' of space 'mobilenet' is '2,2,3,1,2'");
        assertThatThrownBy(() -> space(Map.of("min-depth", "3", "max-depth", "2")))
                .hasMessage(
                        "setting 'max-depth' of space 'mobilenet' is 2; expected at least"
                                + " min-depth (3)");
    }

    @Test
    void refusesAnArchitectureOutsideTheChoicesAndAWrongInput() {
        SearchSpace space = space(SMALL);
        Map<String, Object> values = new HashMap<>(space.sample(new SplittableRandom(2)).values());
        values.put("stage0/0/kernel", 9L);
        assertThatThrownBy(() -> space.compile(Architecture.of(values)))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("stage0/0/kernel")
                .hasMessageContaining("[3, 5, 7]");
        Block block = space.compile(space.sample(new SplittableRandom(2)));
        try (NDManager manager = TestEngine.newManager()) {
            assertThatThrownBy(
                            () ->
                                    block.initialize(
                                            manager, DataType.FLOAT32, new Shape(1, 1, 28, 28)))
                    .hasMessageContaining("expected (N, 3, H, W)");
        }
    }
}
