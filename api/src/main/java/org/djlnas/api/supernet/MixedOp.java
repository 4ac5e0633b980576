package org.djlnas.api.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One supernet edge: {@code Σ softmax(α)ᵢ · opᵢ(x)} over the edge's candidate operations. The zero
 * candidate takes its share of the softmax but is never computed. While the architecture weights
 * hold a chosen {@link EdgePath} for the edge, only that candidate is computed. In the mixture, the
 * candidates that start with a ReLU of the edge's input share one ({@link SharedRelu}).
 */
public final class MixedOp extends AbstractBlock {

    private static final byte VERSION = 1;

    private final String edgeLabel;
    private final ArchitectureWeights weights;
    private final List<@Nullable Block> candidates;
    private final SharedRelu sharedRelu = new SharedRelu();

    /**
     * Creates a mixed operation.
     *
     * @param edgeLabel the edge whose α weighs the candidates
     * @param weights the supernet's architecture parameters
     * @param candidates one block per candidate, in α's order; null for the zero candidate
     */
    public MixedOp(
            String edgeLabel, ArchitectureWeights weights, List<@Nullable Block> candidates) {
        super(VERSION);
        this.edgeLabel = edgeLabel;
        this.weights = weights;
        SearchCell cell = weights.cellOf(edgeLabel);
        if (candidates.size() != cell.candidates().size()) {
            throw new IllegalArgumentException(
                    "edge '"
                            + edgeLabel
                            + "' has "
                            + candidates.size()
                            + " candidate blocks; its cell has candidates "
                            + cell.candidates());
        }
        List<@Nullable Block> added = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Block block = candidates.get(i);
            String name = cell.candidates().get(i);
            boolean zero = name.equals(cell.zeroCandidate());
            if (zero != (block == null)) {
                throw new IllegalArgumentException(
                        "edge '"
                                + edgeLabel
                                + "': candidate '"
                                + name
                                + "' must have "
                                + (zero ? "no block (it is the zero candidate)" : "a block"));
            }
            added.add(block == null ? null : addChildBlock(name, block));
            if (block != null) {
                shareRelu(block);
            }
        }
        this.candidates = added;
    }

    /**
     * Hands the edge's shared ReLU to every block of a candidate that can take it, except inside a
     * nested mixture, whose blocks share its own.
     */
    private void shareRelu(Block block) {
        if (block instanceof MixedOp) {
            return;
        }
        if (block instanceof ReluSharing sharing) {
            sharing.shareRelu(sharedRelu);
        }
        for (Block child : block.getChildren().values()) {
            shareRelu(child);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        EdgePath path = weights.path(edgeLabel);
        if (path != null) {
            return singlePath(path, parameterStore, inputs, training, params);
        }
        NDArray input = inputs.head();
        NDArray mixing = weights.alpha(edgeLabel).softmax(0);
        mixing.attach(input.getManager());
        MixingForm form = weights.mixingForm();
        NDArray sum;
        sharedRelu.begin(input);
        try {
            sum =
                    form == MixingForm.LOOPED
                            ? loopedSum(mixing, parameterStore, inputs, training, params)
                            : stackedSum(form, mixing, parameterStore, inputs, training, params);
        } finally {
            sharedRelu.end();
        }
        mixing.close();
        return new NDList(sum);
    }

    /** The mixture as one multiplication and one addition per computed candidate. */
    private NDArray loopedSum(
            NDArray mixing,
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray input = inputs.head();
        NDArray sum = null;
        for (int i = 0; i < candidates.size(); i++) {
            Block block = candidates.get(i);
            if (block == null) {
                continue;
            }
            NDArray out = candidateOutput(block, parameterStore, inputs, training, params);
            NDArray weighted;
            try (NDArray weight = mixing.get(i)) {
                weighted = out.mul(weight);
            }
            // Free what the tape does not need as soon as possible: when α takes no gradient the
            // candidate's output is needed by nobody, and DJL would keep it until its manager
            // closes.
            if (out != input && !sharedRelu.holds(out)) {
                out.close();
            }
            if (sum == null) {
                sum = weighted;
            } else {
                // Out of place: MXNet refuses in-place operations on arrays its tape records.
                NDArray total = sum.add(weighted);
                sum.close();
                weighted.close();
                sum = total;
            }
        }
        return sum;
    }

    /**
     * The mixture as a few large operations on the computed candidates' outputs stacked: either
     * multiplied by their weights reshaped to {@code K×1×…×1} and summed over the stack, or as a
     * {@code K×M} matrix multiplied by the {@code 1×K} row of weights.
     */
    private NDArray stackedSum(
            MixingForm form,
            NDArray mixing,
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray input = inputs.head();
        NDManager manager = input.getManager();
        NDList outputs = new NDList();
        int[] computed = new int[candidates.size()];
        int count = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Block block = candidates.get(i);
            if (block != null) {
                outputs.add(candidateOutput(block, parameterStore, inputs, training, params));
                computed[count++] = i;
            }
        }
        NDArray stacked = NDArrays.stack(outputs);
        // The stack holds copies; the tape keeps whatever it needs of the outputs themselves.
        for (NDArray out : outputs) {
            if (out != input && !sharedRelu.holds(out)) {
                out.close();
            }
        }
        boolean product = form == MixingForm.MATRIX_PRODUCT;
        Shape scaleShape = product ? new Shape(1, count) : weightShape(count, stacked);
        NDArray scales;
        if (count == candidates.size()) {
            scales = mixing.reshape(scaleShape);
        } else {
            try (NDArray indices = manager.create(Arrays.copyOf(computed, count));
                    NDArray taken = mixing.take(manager, indices)) {
                scales = taken.reshape(scaleShape);
            }
        }
        if (product) {
            NDArray sum;
            try (NDArray rows = stacked.reshape(count, -1);
                    NDArray row = scales.matMul(rows)) {
                sum = row.reshape(stacked.getShape().slice(1));
            }
            stacked.close();
            scales.close();
            return sum;
        }
        NDArray weighted = stacked.mul(scales);
        stacked.close();
        scales.close();
        NDArray sum = weighted.sum(new int[] {0});
        weighted.close();
        return sum;
    }

    private static Shape weightShape(int count, NDArray stacked) {
        long[] dimensions = new long[stacked.getShape().dimension()];
        Arrays.fill(dimensions, 1);
        dimensions[0] = count;
        return new Shape(dimensions);
    }

    private NDList singlePath(
            EdgePath path,
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        Block block = path.candidate() == EdgePath.ZERO ? null : candidates.get(path.candidate());
        NDArray scale = path.scale();
        if (block == null) {
            NDArray input = inputs.head();
            Shape shape = getOutputShapes(new Shape[] {input.getShape()})[0];
            NDArray zeros = input.getManager().zeros(shape, input.getDataType());
            if (scale == null) {
                return new NDList(zeros);
            }
            // Still zeros, but on the tape: a pass whose every path outputs zeros can go backward
            // (a zero gradient) instead of failing for a loss that depends on nothing.
            NDArray scaled = zeros.mul(scale);
            zeros.close();
            return new NDList(scaled);
        }
        NDArray out = candidateOutput(block, parameterStore, inputs, training, params);
        if (scale == null) {
            return new NDList(out);
        }
        NDArray scaled = out.mul(scale);
        if (out != inputs.head()) {
            out.close();
        }
        return new NDList(scaled);
    }

    /**
     * Computes a candidate and lets go of the Java handles of its intermediate arrays as soon as it
     * returns, keeping only its output. The gradient tape keeps what the backward pass needs by
     * itself; without this, every intermediate array of the candidate (a separable convolution has
     * eight) would stay allocated until the whole pass is closed.
     */
    private static NDArray candidateOutput(
            Block block,
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray out;
        try (NDScope intermediates = new NDScope()) {
            intermediates.suppressNotUsedWarning();
            out = block.forward(parameterStore, inputs, training, params).singletonOrThrow();
            NDScope.unregister(out);
        }
        if (out != inputs.head()) {
            // Back into the enclosing scope, if any, which the output would have joined.
            NDScope.register(out);
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape shape = null;
        for (Block block : candidates) {
            if (block == null) {
                continue;
            }
            Shape out = block.getOutputShapes(inputShapes)[0];
            if (shape != null && !shape.equals(out)) {
                throw new IllegalStateException(
                        "edge '"
                                + edgeLabel
                                + "': candidates give different output shapes "
                                + shape
                                + " and "
                                + out);
            }
            shape = out;
        }
        return new Shape[] {shape};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block block : candidates) {
            if (block != null) {
                block.initialize(manager, dataType, inputShapes);
            }
        }
    }
}
