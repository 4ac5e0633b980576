package org.djlnas.api.cell;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.InputChoice;
import org.djlnas.api.space.Labels;
import org.djlnas.api.space.LayerChoice;
import org.jspecify.annotations.Nullable;

/**
 * A cell: a DAG whose nodes are tensors and whose edges are layer choices over operations (the
 * NAS-Bench-201 and DARTS cells).
 *
 * <p>Nodes are numbered with the cell's {@code inputs} first, then its intermediate nodes. Each
 * intermediate node sums the operations on its incoming edges. Either every predecessor feeds a
 * node (NAS-Bench-201), or each node picks {@code k} of its predecessors with an {@link
 * InputChoice} and only the chosen edges carry an operation choice (DARTS).
 *
 * <p>Labels: {@code <cell>/node<j>/from<i>} for the operation on edge {@code i → j}, and {@code
 * <cell>/node<j>/inputs} for the predecessors node {@code j} picks.
 *
 * <p>One class, though long: the compiled cell, its choices and its supernet form share the node
 * numbering and the rules for which edges exist; split, each part would repeat those rules.
 */
public final class Cell {

    private final String label;
    private final int inputs;
    private final int nodes;
    private final List<String> operations;
    private final int inputsPerNode;
    private final @Nullable String zeroOperation;
    private final CellOutput output;
    private final List<Choice> choices;

    private Cell(Builder builder) {
        this.label = Labels.check(requireNonNull(builder.label, "label is not set"));
        this.inputs = builder.inputs;
        this.nodes = builder.nodes;
        this.operations = List.copyOf(builder.operations);
        this.inputsPerNode = builder.inputsPerNode;
        this.zeroOperation = builder.zeroOperation;
        this.output = builder.output;
        if (inputs < 1) {
            throw new IllegalArgumentException(
                    "cell '" + label + "': inputs is " + inputs + "; expected >= 1");
        }
        if (nodes < 1) {
            throw new IllegalArgumentException(
                    "cell '" + label + "': nodes is " + nodes + "; expected >= 1");
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException(
                    "cell '" + label + "': no operations; expected at least one");
        }
        if (inputsPerNode < 0) {
            throw new IllegalArgumentException(
                    "cell '"
                            + label
                            + "': inputs per node is "
                            + inputsPerNode
                            + "; expected >= 1, or 0 for all predecessors");
        }
        if (inputsPerNode > inputs) {
            throw new IllegalArgumentException(
                    "cell '"
                            + label
                            + "': each node picks "
                            + inputsPerNode
                            + " predecessors but the first node has only "
                            + inputs);
        }
        if (zeroOperation != null && !operations.contains(zeroOperation)) {
            throw new IllegalArgumentException(
                    "cell '"
                            + label
                            + "': zero operation '"
                            + zeroOperation
                            + "' is not one of "
                            + operations);
        }
        this.choices = buildChoices();
    }

    /**
     * Starts building a cell.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the cell's choices, to be placed in a space's choice tree.
     *
     * @return the choices
     */
    public List<Choice> choices() {
        return choices;
    }

    /**
     * Returns the label of the operation choice on edge {@code from → to}.
     *
     * @param to the target node
     * @param from the source node
     * @return the label
     */
    public String edgeLabel(int to, int from) {
        return Labels.join(label, "node" + to, "from" + from);
    }

    /**
     * Returns the label of the input choice of a node (cells whose nodes pick predecessors).
     *
     * @param node the node
     * @return the label
     */
    public String inputsLabel(int node) {
        return Labels.join(label, "node" + node, "inputs");
    }

    /**
     * Returns the chosen edges of a valid architecture, by target node then source node. Edges
     * whose operation is the zero operation are included.
     *
     * @param architecture a valid architecture
     * @return the edges
     */
    public List<CellEdge> edges(Architecture architecture) {
        List<CellEdge> edges = new ArrayList<>();
        for (int node = inputs; node < inputs + nodes; node++) {
            for (int from : predecessors(architecture, node)) {
                edges.add(new CellEdge(from, node, architecture.getString(edgeLabel(node, from))));
            }
        }
        return edges;
    }

    /**
     * Compiles the cell for an architecture into a block. Edges with the zero operation are left
     * out, and so is every edge that cannot reach the cell's output: they cost nothing.
     *
     * @param architecture a valid architecture
     * @param channels the channels of every intermediate node
     * @param stride the stride of edges leaving the cell's inputs (2 in a reduction cell)
     * @param edgeBuilder builds the block of a chosen edge
     * @return the cell block
     */
    public CellBlock compile(
            Architecture architecture, int channels, int stride, EdgeBuilder edgeBuilder) {
        List<CellEdge> live = new ArrayList<>();
        for (CellEdge edge : edges(architecture)) {
            if (!edge.operation().equals(zeroOperation)) {
                live.add(edge);
            }
        }
        List<CellEdge> useful = reachingOutput(live);
        List<Block> blocks = new ArrayList<>();
        for (CellEdge edge : useful) {
            int edgeStride = edge.from() < inputs ? stride : 1;
            blocks.add(edgeBuilder.build(edge, edgeStride));
        }
        return new CellBlock(inputs, nodes, useful, blocks, output, channels, stride);
    }

    /**
     * Compiles the cell's supernet form: every predecessor of every intermediate node feeds it
     * through an edge whose block the builder makes (typically a mixed operation over all
     * candidates), whatever an architecture would choose.
     *
     * @param channels the channels of every intermediate node
     * @param stride the stride of edges leaving the cell's inputs (2 in a reduction cell)
     * @param edgeBuilder builds the block of each edge from its label and stride
     * @return the cell block
     */
    public CellBlock compileMixed(int channels, int stride, MixedEdgeBuilder edgeBuilder) {
        List<CellEdge> all = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (int node = inputs; node < inputs + nodes; node++) {
            for (int from = 0; from < node; from++) {
                all.add(new CellEdge(from, node, "mixed"));
                blocks.add(edgeBuilder.build(edgeLabel(node, from), from < inputs ? stride : 1));
            }
        }
        return new CellBlock(inputs, nodes, all, blocks, output, channels, stride);
    }

    /**
     * Returns the zero operation: the one that contributes nothing, if the cell has one.
     *
     * @return the zero operation's name
     */
    public Optional<String> zeroOperation() {
        return Optional.ofNullable(zeroOperation);
    }

    /**
     * Returns the cell's label, the prefix of all its choices.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Returns the candidate operations of every edge.
     *
     * @return the operation names
     */
    public List<String> operations() {
        return operations;
    }

    /**
     * Returns the number of input nodes.
     *
     * @return the inputs
     */
    public int inputs() {
        return inputs;
    }

    /**
     * Returns the number of intermediate nodes.
     *
     * @return the nodes
     */
    public int nodes() {
        return nodes;
    }

    /**
     * Returns what the cell outputs.
     *
     * @return the output mode
     */
    public CellOutput output() {
        return output;
    }

    /**
     * Returns how many predecessors each node picks, or 0 when every predecessor feeds it.
     *
     * @return k, or 0
     */
    public int inputsPerNode() {
        return inputsPerNode;
    }

    private List<Integer> predecessors(Architecture architecture, int node) {
        if (inputsPerNode > 0) {
            return architecture.getIndices(inputsLabel(node));
        }
        List<Integer> all = new ArrayList<>();
        for (int from = 0; from < node; from++) {
            all.add(from);
        }
        return all;
    }

    private List<CellEdge> reachingOutput(List<CellEdge> live) {
        boolean[] needed = new boolean[inputs + nodes];
        if (output == CellOutput.LAST_NODE) {
            needed[inputs + nodes - 1] = true;
        } else {
            for (int node = inputs; node < inputs + nodes; node++) {
                needed[node] = true;
            }
        }
        for (int i = live.size() - 1; i >= 0; i--) {
            CellEdge edge = live.get(i);
            if (needed[edge.to()]) {
                needed[edge.from()] = true;
            }
        }
        List<CellEdge> useful = new ArrayList<>();
        for (CellEdge edge : live) {
            if (needed[edge.to()]) {
                useful.add(edge);
            }
        }
        return useful;
    }

    private List<Choice> buildChoices() {
        List<Choice> result = new ArrayList<>();
        for (int node = inputs; node < inputs + nodes; node++) {
            int target = node;
            if (inputsPerNode > 0) {
                result.add(
                        InputChoice.of(
                                inputsLabel(node),
                                node,
                                inputsPerNode,
                                from ->
                                        List.of(
                                                LayerChoice.of(
                                                        edgeLabel(target, from), operations))));
            } else {
                for (int from = 0; from < node; from++) {
                    result.add(LayerChoice.of(edgeLabel(node, from), operations));
                }
            }
        }
        return List.copyOf(result);
    }

    /** Builds a chosen edge's block. */
    @FunctionalInterface
    public interface EdgeBuilder {

        /**
         * Builds the block of one edge.
         *
         * @param edge the edge and its chosen operation
         * @param stride the edge's stride
         * @return a new block
         */
        Block build(CellEdge edge, int stride);
    }

    /** Builds the block of one edge of a cell's supernet form. */
    @FunctionalInterface
    public interface MixedEdgeBuilder {

        /**
         * Builds the block of one edge.
         *
         * @param edgeLabel the label of the edge's operation choice
         * @param stride the edge's stride
         * @return a new block
         */
        Block build(String edgeLabel, int stride);
    }

    /** Builds a {@link Cell}. */
    public static final class Builder {

        private @Nullable String label;
        private int inputs = 1;
        private int nodes;
        private List<String> operations = List.of();
        private int inputsPerNode;
        private @Nullable String zeroOperation;
        private CellOutput output = CellOutput.LAST_NODE;

        private Builder() {}

        /**
         * Sets the cell's label, the prefix of all its choices.
         *
         * @param label the label
         * @return this builder
         */
        public Builder setLabel(String label) {
            this.label = label;
            return this;
        }

        /**
         * Sets the number of intermediate nodes.
         *
         * @param nodes the number of nodes
         * @return this builder
         */
        public Builder setNodes(int nodes) {
            this.nodes = nodes;
            return this;
        }

        /**
         * Sets the candidate operations of every edge.
         *
         * @param operations the operation names, in canonical order
         * @return this builder
         */
        public Builder setOperations(List<String> operations) {
            this.operations = List.copyOf(operations);
            return this;
        }

        /**
         * Sets the number of input nodes (default 1).
         *
         * @param inputs the number of inputs
         * @return this builder
         */
        public Builder optInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        /**
         * Makes each intermediate node pick {@code k} of its predecessors instead of using all.
         *
         * @param k the number of predecessors each node picks
         * @return this builder
         */
        public Builder optInputsPerNode(int k) {
            this.inputsPerNode = k;
            return this;
        }

        /**
         * Names the operation that contributes nothing, so compiled cells leave its edges out.
         *
         * @param name the zero operation's name
         * @return this builder
         */
        public Builder optZeroOperation(String name) {
            this.zeroOperation = name;
            return this;
        }

        /**
         * Sets what the cell outputs (default {@link CellOutput#LAST_NODE}).
         *
         * @param output the output mode
         * @return this builder
         */
        public Builder optOutput(CellOutput output) {
            this.output = requireNonNull(output, "output is null");
            return this;
        }

        /**
         * Builds the cell.
         *
         * @return the cell
         */
        public Cell build() {
            return new Cell(this);
        }
    }
}
