package org.djlnas.api.export;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Lowers an initialized block tree, with its trained parameters, onto a {@link GraphBuilder}: DJL's
 * {@link SequentialBlock}, {@link Conv2d}, {@link BatchNorm} (at inference, with its running
 * statistics) and {@link Linear} directly, every other block through {@link PortableBlock}.
 *
 * <p>Batch normalisation is folded with epsilon {@value #BATCH_NORM_EPSILON}, DJL's default and the
 * value every space of djl-nas builds with: DJL does not expose a {@code BatchNorm}'s epsilon.
 *
 * @param <T> the runtime's tensor handle
 */
public final class GraphLowering<T> {

    /** The epsilon batch normalisation is folded with. */
    public static final float BATCH_NORM_EPSILON = 1e-5f;

    private final GraphBuilder<T> graph;

    /**
     * Creates a lowering onto a graph.
     *
     * @param graph the graph that takes the operations
     */
    public GraphLowering(GraphBuilder<T> graph) {
        this.graph = graph;
    }

    /**
     * Returns the graph that takes the operations.
     *
     * @return the graph
     */
    public GraphBuilder<T> graph() {
        return graph;
    }

    /**
     * Lowers a block and, through it, its children.
     *
     * @param block an initialized block
     * @param inputs the graph tensors it takes
     * @return the graph tensors it outputs
     * @throws UnsupportedOperationException naming the block if it cannot be exported
     */
    public List<T> lower(Block block, List<T> inputs) {
        if (block instanceof PortableBlock portable) {
            return portable.lower(this, inputs);
        }
        if (block instanceof SequentialBlock) {
            List<T> values = inputs;
            for (Block child : block.getChildren().values()) {
                values = lower(child, values);
            }
            return values;
        }
        T input = single(block, inputs);
        if (block instanceof Conv2d conv) {
            return List.of(
                    graph.conv2d(
                            input,
                            weight(conv, "weight"),
                            optionalWeight(conv, "bias").orElse(null),
                            ints(conv.getStride().getShape()),
                            ints(conv.getPadding().getShape()),
                            ints(conv.getDilation().getShape()),
                            conv.getGroups()));
        }
        if (block instanceof BatchNorm) {
            return List.of(batchNorm(block, input));
        }
        if (block instanceof Linear) {
            return List.of(
                    graph.linear(
                            input,
                            weight(block, "weight"),
                            optionalWeight(block, "bias").orElse(null)));
        }
        throw new UnsupportedOperationException(
                "cannot export "
                        + block.getClass().getName()
                        + " ("
                        + block
                        + "): it is neither a DJL SequentialBlock, Conv2d, BatchNorm or Linear nor"
                        + " a "
                        + PortableBlock.class.getSimpleName());
    }

    private T batchNorm(Block block, T input) {
        float[] gamma = weight(block, "gamma").data();
        float[] beta = weight(block, "beta").data();
        float[] mean = weight(block, "runningMean").data();
        float[] variance = weight(block, "runningVar").data();
        float[] scale = new float[gamma.length];
        float[] shift = new float[gamma.length];
        for (int c = 0; c < gamma.length; c++) {
            double factor = gamma[c] / Math.sqrt(variance[c] + (double) BATCH_NORM_EPSILON);
            scale[c] = (float) factor;
            shift[c] = (float) (beta[c] - mean[c] * factor);
        }
        return graph.scaleShift(input, scale, shift);
    }

    private T single(Block block, List<T> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    block + " takes one input tensor but was given " + inputs.size());
        }
        return inputs.get(0);
    }

    private static HostTensor weight(Block block, String name) {
        return optionalWeight(block, name)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        block + " has no initialized parameter '" + name + "'"));
    }

    private static Optional<HostTensor> optionalWeight(Block block, String name) {
        @Nullable Parameter parameter = block.getParameters().get(name);
        if (parameter == null || !parameter.isInitialized()) {
            return Optional.empty();
        }
        NDArray array = parameter.getArray();
        return Optional.of(HostTensor.of(array));
    }

    private static int[] ints(long[] values) {
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.toIntExact(values[i]);
        }
        return result;
    }
}
