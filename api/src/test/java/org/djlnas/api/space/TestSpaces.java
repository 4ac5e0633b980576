package org.djlnas.api.space;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellOutput;

/** Small search spaces shared by the choice-tree tests. */
final class TestSpaces {

    /** The seven operations of a DARTS edge. */
    static final List<String> DARTS_OPS =
            List.of(
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5");

    /** The five operations of a NAS-Bench-201 edge. */
    static final List<String> NB201_OPS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    private TestSpaces() {}

    /**
     * {@code op}: candidate {@code a} opens {@code op/a/width} in {16, 32, 64}, candidate {@code b}
     * opens nothing: 3 + 1 = 4 architectures.
     */
    static ChoiceTree nested() {
        return new ChoiceTree(
                List.of(
                        LayerChoice.builder("op")
                                .addCandidate(
                                        "a",
                                        ValueChoice.categorical("op/a/width", List.of(16, 32, 64)))
                                .addCandidate("b")
                                .build()));
    }

    /** Three 3-way layer choices and one single-valued choice: 27 architectures. */
    static ChoiceTree flat() {
        return new ChoiceTree(
                List.of(
                        LayerChoice.of("l0", List.of("x", "y", "z")),
                        LayerChoice.of("l1", List.of("x", "y", "z")),
                        LayerChoice.of("l2", List.of("x", "y", "z")),
                        ValueChoice.categorical("fixed", List.of("only"))));
    }

    /** A DARTS-like node: 2 of 3 inputs, a 7-way operation on each chosen input: 3 * 49. */
    static ChoiceTree dartsNode() {
        return new ChoiceTree(
                List.of(
                        InputChoice.of(
                                "node/inputs",
                                3,
                                2,
                                i -> List.of(LayerChoice.of("node/from" + i, DARTS_OPS)))));
    }

    /** Depth 1, 2 or 3, each layer a 2-way choice: 2 + 4 + 8 = 14 architectures. */
    static ChoiceTree repeat() {
        return new ChoiceTree(
                List.of(
                        Repeat.of(
                                "blocks",
                                List.of(1, 2, 3),
                                i ->
                                        List.of(
                                                LayerChoice.of(
                                                        "blocks/" + i + "/op",
                                                        List.of("conv", "pool"))))));
    }

    /** A DARTS normal cell: 2 inputs, 4 nodes each picking 2 predecessors, 7 operations. */
    static Cell dartsCell() {
        return Cell.builder()
                .setLabel("normal")
                .optInputs(2)
                .setNodes(4)
                .optInputsPerNode(2)
                .setOperations(DARTS_OPS)
                .optOutput(CellOutput.CONCAT_INTERMEDIATE)
                .build();
    }

    /** A NAS-Bench-201 cell: 1 input, 3 nodes, every predecessor feeds each node, 5 ops. */
    static Cell nb201Cell() {
        return Cell.builder()
                .setLabel("cell")
                .setNodes(3)
                .setOperations(NB201_OPS)
                .optZeroOperation("none")
                .build();
    }

    /** Returns the labels whose values differ (including labels present on one side only). */
    static Set<String> diff(Architecture a, Architecture b) {
        Set<String> labels = new TreeSet<>(a.values().keySet());
        labels.addAll(b.values().keySet());
        labels.removeIf(label -> Objects.equals(a.values().get(label), b.values().get(label)));
        return labels;
    }

    /** Shorthand for an architecture. */
    static Architecture arch(Map<String, ?> values) {
        return Architecture.of(values);
    }
}
