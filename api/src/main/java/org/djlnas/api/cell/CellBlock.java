package org.djlnas.api.cell;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.export.GraphBuilder;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.jspecify.annotations.Nullable;

/**
 * A compiled cell: a plain DJL block computing a fixed DAG of chosen operations. It takes the
 * cell's input tensors (one {@link NDList} entry per input node) and returns one tensor.
 *
 * <p>A node that no chosen edge feeds holds zeros of shape {@code (N, channels, ⌈H/stride⌉,
 * ⌈W/stride⌉)}, or {@code (N, channels, ⌈L/stride⌉)} in a cell over sequences.
 */
public final class CellBlock extends AbstractBlock implements PortableBlock {

    private static final byte VERSION = 1;

    private final int inputs;
    private final int nodes;
    private final List<CellEdge> edges;
    private final List<Block> edgeBlocks;
    private final CellOutput output;
    private final int channels;
    private final int stride;

    CellBlock(
            int inputs,
            int nodes,
            List<CellEdge> edges,
            List<Block> edgeBlocks,
            CellOutput output,
            int channels,
            int stride) {
        super(VERSION);
        this.inputs = inputs;
        this.nodes = nodes;
        this.edges = List.copyOf(edges);
        this.output = output;
        this.channels = channels;
        this.stride = stride;
        List<Block> added = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            CellEdge edge = edges.get(i);
            added.add(
                    addChildBlock(
                            "node" + edge.to() + "_from" + edge.from() + "_" + edge.operation(),
                            edgeBlocks.get(i)));
        }
        this.edgeBlocks = List.copyOf(added);
    }

    /**
     * Returns the edges this block computes (zero-operation and dead edges are not among them).
     *
     * @return the edges
     */
    public List<CellEdge> edges() {
        return edges;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputList,
            boolean training,
            @Nullable PairList<String, Object> params) {
        checkInputCount(inputList.size());
        NDArray[] states = new NDArray[inputs + nodes];
        for (int i = 0; i < inputs; i++) {
            states[i] = inputList.get(i);
        }
        int edge = 0;
        for (int node = inputs; node < inputs + nodes; node++) {
            NDArray sum = null;
            while (edge < edges.size() && edges.get(edge).to() == node) {
                NDArray in = states[edges.get(edge).from()];
                NDArray out =
                        edgeBlocks
                                .get(edge)
                                .forward(parameterStore, new NDList(in), training, params)
                                .singletonOrThrow();
                if (sum == null) {
                    sum = out;
                } else {
                    NDArray total = sum.add(out);
                    // A sum's operands are not needed by the gradient tape: let go of them now
                    // rather than when the whole pass is closed (a node's states stay).
                    closeUnlessState(sum, states, node);
                    closeUnlessState(out, states, node);
                    sum = total;
                }
                edge++;
            }
            if (sum == null) {
                NDManager manager = states[0].getManager();
                sum = manager.zeros(zeroShape(states[0].getShape()), states[0].getDataType());
            }
            states[node] = sum;
        }
        NDArray result;
        if (output == CellOutput.LAST_NODE) {
            result = states[inputs + nodes - 1];
        } else {
            NDList intermediate = new NDList(nodes);
            for (int node = inputs; node < inputs + nodes; node++) {
                intermediate.add(states[node]);
            }
            result = NDArrays.concat(intermediate, 1);
        }
        for (int node = inputs; node < inputs + nodes; node++) {
            if (states[node] != result) {
                closeUnlessState(states[node], states, inputs);
            }
        }
        return new NDList(result);
    }

    /** Closes an array of this pass unless it is one of the first {@code count} states. */
    private static void closeUnlessState(NDArray array, NDArray[] states, int count) {
        for (int i = 0; i < count; i++) {
            if (states[i] == array) {
                return;
            }
        }
        array.close();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = nodeShapes(inputShapes, null, null);
        if (output == CellOutput.LAST_NODE) {
            return new Shape[] {shapes[inputs + nodes - 1]};
        }
        Shape first = shapes[inputs];
        long concatenated = 0;
        for (int node = inputs; node < inputs + nodes; node++) {
            concatenated += shapes[node].get(1);
        }
        long[] dimensions = first.getShape().clone();
        dimensions[1] = concatenated;
        return new Shape[] {new Shape(dimensions)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        nodeShapes(inputShapes, manager, dataType);
    }

    private Shape[] nodeShapes(
            Shape[] inputShapes, @Nullable NDManager manager, @Nullable DataType dataType) {
        checkInputCount(inputShapes.length);
        Shape[] shapes = new Shape[inputs + nodes];
        System.arraycopy(inputShapes, 0, shapes, 0, inputs);
        int edge = 0;
        for (int node = inputs; node < inputs + nodes; node++) {
            Shape shape = null;
            while (edge < edges.size() && edges.get(edge).to() == node) {
                Block block = edgeBlocks.get(edge);
                Shape in = shapes[edges.get(edge).from()];
                if (manager != null && dataType != null) {
                    block.initialize(manager, dataType, in);
                }
                Shape out = block.getOutputShapes(new Shape[] {in})[0];
                if (shape != null && !shape.equals(out)) {
                    throw new IllegalStateException(
                            "edge "
                                    + edges.get(edge)
                                    + " outputs "
                                    + out
                                    + " but other edges into node "
                                    + node
                                    + " output "
                                    + shape);
                }
                shape = out;
                edge++;
            }
            shapes[node] = shape != null ? shape : zeroShape(inputShapes[0]);
        }
        return shapes;
    }

    private Shape zeroShape(Shape input) {
        long[] dimensions = input.getShape().clone();
        dimensions[1] = channels;
        for (int axis = 2; axis < dimensions.length; axis++) {
            dimensions[axis] = (dimensions[axis] + stride - 1) / stride;
        }
        return new Shape(dimensions);
    }

    private void checkInputCount(int given) {
        if (given != inputs) {
            throw new IllegalArgumentException(
                    "a cell block takes " + inputs + " input tensors but got " + given);
        }
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputList) {
        checkInputCount(inputList.size());
        GraphBuilder<T> graph = lowering.graph();
        List<T> states = new ArrayList<>(inputList);
        int edge = 0;
        for (int node = inputs; node < inputs + nodes; node++) {
            T sum = null;
            while (edge < edges.size() && edges.get(edge).to() == node) {
                T in = states.get(edges.get(edge).from());
                T out = lowering.lower(edgeBlocks.get(edge), List.of(in)).get(0);
                sum = sum == null ? out : graph.add(sum, out);
                edge++;
            }
            states.add(sum != null ? sum : graph.zeros(states.get(0), channels, stride));
        }
        if (output == CellOutput.LAST_NODE) {
            return List.of(states.get(inputs + nodes - 1));
        }
        return List.of(graph.concatChannels(states.subList(inputs, inputs + nodes)));
    }
}
