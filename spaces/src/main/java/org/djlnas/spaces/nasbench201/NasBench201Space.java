package org.djlnas.spaces.nasbench201;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.MixedOp;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.supernet.SearchCell;
import org.djlnas.spaces.ops.ExpectChannels;
import org.djlnas.spaces.ops.GlobalAveragePool;
import org.djlnas.spaces.ops.Layers;
import org.djlnas.spaces.ops.Relu;
import org.jspecify.annotations.Nullable;

/**
 * The NAS-Bench-201 space (Dong and Yang, ICLR 2020): one cell of 4 nodes and 6 edges, each edge
 * one of 5 operations, shared by every cell of a fixed skeleton.
 *
 * <p>Skeleton: a 3×3 convolution and batch normalisation stem with C channels; three stages of N
 * cells at C, 2C and 4C channels, joined by residual reduction blocks; batch normalisation, ReLU,
 * global average pooling and a linear classifier. Compiled networks have exactly the parameters of
 * the benchmark's own networks, except that edges which cannot reach the cell output (their path to
 * it passes only through {@code none} edges) are left out, since they never influence the output.
 *
 * <p>Labels are {@code cell/node<j>/from<i>}; {@link #fromBenchmarkString} and {@link
 * #toBenchmarkString} convert to and from the benchmark's {@code |op~0|+|op~0|op~1|+|...|}.
 */
public final class NasBench201Space implements OneShotSpace, BenchmarkStringCodec {

    /** The registry id. */
    public static final String ID = "nas-bench-201";

    /** The five operations, in the benchmark's order. */
    public static final List<String> OPERATIONS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    /** The zero operation. */
    public static final String ZERO = "none";

    private static final int NODES = 3;

    private final Settings settings;
    private final OpRegistry operations;
    private final Cell cell;
    private final ChoiceTree choices;

    NasBench201Space(Settings settings, OpRegistry operations) {
        this.settings = settings;
        this.operations = operations.requireAll(OPERATIONS, "space '" + ID + "'");
        this.cell =
                Cell.builder()
                        .setLabel("cell")
                        .setNodes(NODES)
                        .setOperations(OPERATIONS)
                        .optZeroOperation(ZERO)
                        .build();
        this.choices = new ChoiceTree(cell.choices());
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
        Architecture arch = validate(architecture);
        return network(
                channels ->
                        cell.compile(
                                arch,
                                channels,
                                1,
                                (edge, stride) ->
                                        operations.create(
                                                edge.operation(),
                                                new OpContext(channels, stride, true))));
    }

    @Override
    public List<SearchCell> searchCells() {
        return List.of(new SearchCell(cell, OPERATIONS, ZERO));
    }

    /**
     * {@inheritDoc}
     *
     * <p>As in the benchmark authors' DARTS code: every edge mixes the five operations, and the
     * cells' normalisation learns no scale or shift.
     */
    @Override
    public Block superNet(ArchitectureWeights weights) {
        return network(
                channels ->
                        cell.compileMixed(
                                channels,
                                1,
                                (label, stride) -> {
                                    List<@Nullable Block> blocks = new ArrayList<>();
                                    for (String name : OPERATIONS) {
                                        blocks.add(
                                                name.equals(ZERO)
                                                        ? null
                                                        : operations.create(
                                                                name,
                                                                new OpContext(
                                                                        channels, stride, false)));
                                    }
                                    return new MixedOp(label, weights, blocks);
                                }));
    }

    private Block network(IntFunction<Block> cellBuilder) {
        int channels = settings.getInt(NasBench201Provider.CHANNELS);
        int cellsPerStage = settings.getInt(NasBench201Provider.CELLS);
        SequentialBlock network =
                new SequentialBlock()
                        .add(
                                new ExpectChannels(
                                        settings.getInt(NasBench201Provider.INPUT_CHANNELS)))
                        .add(Layers.conv(channels, 3, 1, 1, 1, 1))
                        .add(Layers.batchNorm(true));
        for (int stage = 0; stage < 3; stage++) {
            int stageChannels = channels << stage;
            if (stage > 0) {
                network.add(new ResidualReduction(stageChannels));
            }
            for (int i = 0; i < cellsPerStage; i++) {
                network.add(cellBuilder.apply(stageChannels));
            }
        }
        return network.add(Layers.batchNorm(true))
                .add(new Relu())
                .add(new GlobalAveragePool())
                .add(
                        Linear.builder()
                                .setUnits(settings.getInt(NasBench201Provider.CLASSES))
                                .build());
    }

    @Override
    public Architecture fromBenchmarkString(String benchmarkString) {
        String text = benchmarkString.trim();
        String[] groups = text.split("\\+", -1);
        if (groups.length != NODES) {
            throw malformed(text, "expected 3 groups joined by '+', found " + groups.length);
        }
        Map<String, Object> values = new TreeMap<>();
        for (int node = 1; node <= NODES; node++) {
            String group = groups[node - 1];
            if (!group.startsWith("|") || !group.endsWith("|") || group.length() < 2) {
                throw malformed(
                        text, "group " + node + " '" + group + "' must start and end with '|'");
            }
            String[] edges = group.substring(1, group.length() - 1).split("\\|", -1);
            if (edges.length != node) {
                throw malformed(
                        text,
                        "group "
                                + node
                                + " has "
                                + edges.length
                                + " edges; expected "
                                + node
                                + " (one from each earlier node)");
            }
            for (int from = 0; from < node; from++) {
                String edge = edges[from];
                int tilde = edge.lastIndexOf('~');
                if (tilde < 0 || !edge.substring(tilde + 1).equals(Integer.toString(from))) {
                    throw malformed(
                            text,
                            "edge '" + edge + "' of group " + node + " must be 'op~" + from + "'");
                }
                String op = edge.substring(0, tilde);
                if (!OPERATIONS.contains(op)) {
                    throw new InvalidArchitectureException(
                            cell.edgeLabel(node, from),
                            "unknown operation '"
                                    + op
                                    + "' in benchmark string; expected one of "
                                    + OPERATIONS);
                }
                values.put(cell.edgeLabel(node, from), op);
            }
        }
        return validate(Architecture.of(values));
    }

    @Override
    public String toBenchmarkString(Architecture architecture) {
        Architecture arch = validate(architecture);
        StringBuilder text = new StringBuilder();
        for (int node = 1; node <= NODES; node++) {
            if (node > 1) {
                text.append('+');
            }
            text.append('|');
            for (int from = 0; from < node; from++) {
                text.append(arch.getString(cell.edgeLabel(node, from)))
                        .append('~')
                        .append(from)
                        .append('|');
            }
        }
        return text.toString();
    }

    private static InvalidArchitectureException malformed(String text, String problem) {
        return new InvalidArchitectureException(
                "malformed NAS-Bench-201 string '"
                        + text
                        + "': "
                        + problem
                        + " (form: |op~0|+|op~0|op~1|+|op~0|op~1|op~2|)");
    }
}
