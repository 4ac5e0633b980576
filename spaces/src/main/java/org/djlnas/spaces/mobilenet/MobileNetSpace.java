package org.djlnas.spaces.mobilenet;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.Labels;
import org.djlnas.api.space.Repeat;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.spaces.ops.ExpectChannels;
import org.djlnas.spaces.ops.GlobalAveragePool;
import org.djlnas.spaces.ops.Layers;
import org.djlnas.spaces.ops.Relu6;

/**
 * A MobileNet-style macro space (MobileNetV2, MnasNet, FBNet, Once-for-All) for images of any size
 * and channel count.
 *
 * <p>Skeleton: a 3×3 stem convolution ({@code stem-width} channels, {@code stem-stride}), batch
 * normalisation and ReLU6; one stage per entry of {@code widths}, each a {@link Repeat} of {@link
 * InvertedResidual} blocks whose first block has the stage's stride and width and whose other
 * blocks have stride 1; then the head: a 1×1 convolution to {@code head-width} channels, batch
 * normalisation, ReLU6, global average pooling and a linear classifier.
 *
 * <p>Choices, as in Once-for-All: the depth of each stage, {@code stage<s>} (from {@code min-depth}
 * to {@code max-depth}), and per block {@code stage<s>/<i>/kernel} (3, 5, 7), {@code
 * stage<s>/<i>/expansion} (3, 4, 6) and {@code stage<s>/<i>/se} (squeeze-and-excitation, false or
 * true; Once-for-All fixes it per stage, MnasNet chooses it per stage, we choose it per block like
 * the kernel). 18 choices per block, so {@code Σ_{d=min}^{max} 18^d} per stage and that to the
 * power of the number of stages in all: about 1.7·10²⁵ with the defaults.
 *
 * <p>The activation is ReLU6 throughout (MobileNetV2, ProxylessNAS), not h-swish: it costs one
 * clamp on every engine and exports to TensorFlow as one operation.
 */
public final class MobileNetSpace implements SearchSpace {

    /** The registry id. */
    public static final String ID = "mobilenet";

    /** The kernel sizes a block may choose. */
    static final List<Integer> KERNELS = List.of(3, 5, 7);

    /** The expansion ratios a block may choose. */
    static final List<Integer> EXPANSIONS = List.of(3, 4, 6);

    private static final int STEM_KERNEL = 3;

    private final Settings settings;
    private final MobileNetSkeleton skeleton;
    private final ChoiceTree choices;

    MobileNetSpace(Settings settings, MobileNetSkeleton skeleton) {
        this.settings = settings;
        this.skeleton = skeleton;
        List<Integer> depths = new ArrayList<>();
        for (int d = skeleton.minDepth(); d <= skeleton.maxDepth(); d++) {
            depths.add(d);
        }
        List<Choice> stages = new ArrayList<>();
        for (int stage = 0; stage < skeleton.widths().size(); stage++) {
            String label = stageLabel(stage);
            stages.add(Repeat.of(label, depths, block -> blockChoices(label, block)));
        }
        this.choices = new ChoiceTree(stages);
    }

    private static List<Choice> blockChoices(String stage, int block) {
        return List.of(
                ValueChoice.categorical(blockLabel(stage, block, "kernel"), KERNELS),
                ValueChoice.categorical(blockLabel(stage, block, "expansion"), EXPANSIONS),
                ValueChoice.categorical(blockLabel(stage, block, "se"), List.of(false, true)));
    }

    static String stageLabel(int stage) {
        return "stage" + stage;
    }

    static String blockLabel(String stage, int block, String choice) {
        return Labels.join(stage, String.valueOf(block), choice);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public ChoiceTree choices() {
        return choices;
    }

    @Override
    public Block compile(Architecture architecture) {
        SequentialBlock network =
                new SequentialBlock()
                        .add(new ExpectChannels(skeleton.inputChannels()))
                        .add(
                                Layers.conv(
                                        skeleton.stemWidth(),
                                        STEM_KERNEL,
                                        skeleton.stemStride(),
                                        STEM_KERNEL / 2,
                                        1,
                                        1))
                        .add(Layers.batchNorm(true))
                        .add(new Relu6());
        for (InvertedResidual block : blocks(architecture)) {
            network.add(block.build());
        }
        return network.add(Layers.conv(skeleton.headWidth(), 1, 1, 0, 1, 1))
                .add(Layers.batchNorm(true))
                .add(new Relu6())
                .add(new GlobalAveragePool())
                .add(Linear.builder().setUnits(skeleton.classes()).build());
    }

    /**
     * Lists the inverted-residual blocks an architecture chooses, stage after stage.
     *
     * @param architecture an architecture of this space
     * @return the blocks, in order
     * @throws org.djlnas.api.arch.InvalidArchitectureException if it does not fit the space
     */
    List<InvertedResidual> blocks(Architecture architecture) {
        Architecture valid = validate(architecture);
        List<InvertedResidual> blocks = new ArrayList<>();
        int channels = skeleton.stemWidth();
        for (int stage = 0; stage < skeleton.widths().size(); stage++) {
            String label = stageLabel(stage);
            int width = skeleton.widths().get(stage);
            long depth = valid.getLong(label);
            for (int i = 0; i < depth; i++) {
                blocks.add(
                        new InvertedResidual(
                                channels,
                                width,
                                (int) valid.getLong(blockLabel(label, i, "kernel")),
                                (int) valid.getLong(blockLabel(label, i, "expansion")),
                                (Boolean) valid.get(blockLabel(label, i, "se")),
                                i == 0 ? skeleton.strides().get(stage) : 1));
                channels = width;
            }
        }
        return blocks;
    }
}
