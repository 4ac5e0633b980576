package org.djlnas.spaces.darts;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellOutput;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.MixedOp;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.supernet.SearchCell;
import org.djlnas.spaces.ops.ExpectChannels;
import org.djlnas.spaces.ops.FactorizedReduce;
import org.djlnas.spaces.ops.GlobalAveragePool;
import org.djlnas.spaces.ops.Layers;
import org.jspecify.annotations.Nullable;

/**
 * The DARTS CNN space (Liu, Simonyan and Yang, ICLR 2019): a normal and a reduction cell, each with
 * 2 input nodes and (by default) 4 intermediate nodes; every intermediate node picks two distinct
 * predecessors and one of 7 operations for each; the cell outputs its intermediate nodes
 * concatenated. Reduction cells sit at 1/3 and 2/3 of the depth and double the channels.
 *
 * <p>Labels are {@code normal/node<j>/inputs} (the two predecessors, nodes 0 and 1 being the cell's
 * inputs) and {@code normal/node<j>/from<i>} (the operation on a chosen edge), and the same under
 * {@code reduce/}. {@link DartsGenotype} converts the DARTS code's {@code Genotype(...)} strings.
 */
public final class DartsSpace implements OneShotSpace {

    /** The registry id. */
    public static final String ID = "darts";

    /** The seven non-zero DARTS operations, in the DARTS code's order. */
    public static final List<String> OPERATIONS =
            List.of(
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5");

    /** The zero candidate a supernet adds to every edge. */
    public static final String ZERO = "none";

    /** What every supernet edge mixes: {@code none} and the seven operations, as in DARTS. */
    public static final List<String> SEARCH_CANDIDATES =
            Stream.concat(Stream.of(ZERO), OPERATIONS.stream()).toList();

    private final Settings settings;
    private final OpRegistry operations;
    private final Cell normal;
    private final Cell reduce;
    private final ChoiceTree choices;

    DartsSpace(Settings settings, OpRegistry operations) {
        this.settings = settings;
        this.operations = operations.requireAll(SEARCH_CANDIDATES, "space '" + ID + "'");
        int nodes = settings.getInt(DartsProvider.NODES);
        this.normal = cell("normal", nodes);
        this.reduce = cell("reduce", nodes);
        List<Choice> all = new ArrayList<>(normal.choices());
        all.addAll(reduce.choices());
        this.choices = new ChoiceTree(all);
    }

    private static Cell cell(String label, int nodes) {
        return Cell.builder()
                .setLabel(label)
                .optInputs(2)
                .setNodes(nodes)
                .optInputsPerNode(2)
                .setOperations(OPERATIONS)
                .optOutput(CellOutput.CONCAT_INTERMEDIATE)
                .build();
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

    /**
     * Returns the normal cell.
     *
     * @return the normal cell
     */
    public Cell normalCell() {
        return normal;
    }

    /**
     * Returns the reduction cell.
     *
     * @return the reduction cell
     */
    public Cell reductionCell() {
        return reduce;
    }

    @Override
    public Block compile(Architecture architecture) {
        Architecture arch = validate(architecture);
        return network(
                true,
                (cell, channels, stride) ->
                        cell.compile(
                                arch,
                                channels,
                                stride,
                                (edge, edgeStride) ->
                                        operations.create(
                                                edge.operation(),
                                                new OpContext(channels, edgeStride, true))));
    }

    @Override
    public List<SearchCell> searchCells() {
        return List.of(
                new SearchCell(normal, SEARCH_CANDIDATES, ZERO),
                new SearchCell(reduce, SEARCH_CANDIDATES, ZERO));
    }

    /**
     * {@inheritDoc}
     *
     * <p>As in the DARTS code: every edge mixes {@code none} and the seven operations, pooling is
     * followed by batch normalisation, and the cells' normalisation (preprocessing included) learns
     * no scale or shift.
     */
    @Override
    public Block superNet(ArchitectureWeights weights) {
        return network(
                false,
                (cell, channels, stride) ->
                        cell.compileMixed(
                                channels,
                                stride,
                                (label, edgeStride) ->
                                        new MixedOp(
                                                label, weights, candidates(channels, edgeStride))));
    }

    private List<@Nullable Block> candidates(int channels, int stride) {
        List<@Nullable Block> blocks = new ArrayList<>();
        for (String name : SEARCH_CANDIDATES) {
            if (name.equals(ZERO)) {
                blocks.add(null);
                continue;
            }
            Block op = operations.create(name, new OpContext(channels, stride, false));
            blocks.add(
                    name.contains("pool")
                            ? new SequentialBlock().add(op).add(Layers.batchNorm(false))
                            : op);
        }
        return blocks;
    }

    private Block network(boolean affine, CellBuilder cellBuilder) {
        int channels = settings.getInt(DartsProvider.CHANNELS);
        int layers = settings.getInt(DartsProvider.LAYERS);
        int stemChannels = settings.getInt(DartsProvider.STEM_MULTIPLIER) * channels;
        Block stem =
                new SequentialBlock()
                        .add(new ExpectChannels(settings.getInt(DartsProvider.INPUT_CHANNELS)))
                        .add(Layers.conv(stemChannels, 3, 1, 1, 1, 1))
                        .add(Layers.batchNorm(true));
        List<Block> cells = new ArrayList<>();
        int current = channels;
        boolean reductionBefore = false;
        for (int layer = 0; layer < layers; layer++) {
            boolean reduction = isReduction(layer, layers);
            if (reduction) {
                current *= 2;
            }
            Block preprocess0 =
                    reductionBefore
                            ? new FactorizedReduce(current, affine)
                            : Layers.reluConvBn(current, 1, 1, 0, 1, affine);
            Block preprocess1 = Layers.reluConvBn(current, 1, 1, 0, 1, affine);
            Block cell = cellBuilder.build(reduction ? reduce : normal, current, reduction ? 2 : 1);
            cells.add(new DartsCellBlock(preprocess0, preprocess1, cell));
            reductionBefore = reduction;
        }
        Block head =
                new SequentialBlock()
                        .add(new GlobalAveragePool())
                        .add(
                                Linear.builder()
                                        .setUnits(settings.getInt(DartsProvider.CLASSES))
                                        .build());
        return new DartsNetwork(stem, cells, head);
    }

    /** Builds one cell of the network. */
    @FunctionalInterface
    private interface CellBuilder {
        Block build(Cell cell, int channels, int stride);
    }

    /**
     * Tells whether a layer holds a reduction cell: layers {@code ⌊L/3⌋} and {@code ⌊2L/3⌋}.
     *
     * @param layer the layer, counting from 0
     * @param layers the number of layers
     * @return true for a reduction cell
     */
    public static boolean isReduction(int layer, int layers) {
        return layer == layers / 3 || layer == 2 * layers / 3;
    }
}
