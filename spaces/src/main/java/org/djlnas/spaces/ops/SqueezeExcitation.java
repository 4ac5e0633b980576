package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.djlnas.api.export.GraphBuilder;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.jspecify.annotations.Nullable;

/**
 * Squeeze-and-excitation (Hu et al., 2018), as MnasNet and EfficientNet use it: each channel of a
 * {@code (N, C, H, W)} image is scaled by a gate in (0, 1) computed from the whole image, {@code
 * sigmoid(W₂·relu(W₁·mean_{H,W}(x) + b₁) + b₂)}, where {@code W₁} squeezes the {@code C} channels
 * to {@code squeezed} and {@code W₂} expands them back. It adds {@code 2·C·squeezed + squeezed + C}
 * parameters and keeps the input's shape.
 */
public final class SqueezeExcitation extends AbstractBlock implements PortableBlock {

    private static final byte VERSION = 1;

    private final int channels;
    private final Block squeeze;
    private final Block excite;

    /**
     * Creates the block.
     *
     * @param channels the channels of the input
     * @param squeezed the width of the bottleneck between the two linear maps
     */
    public SqueezeExcitation(int channels, int squeezed) {
        super(VERSION);
        if (channels < 1 || squeezed < 1) {
            throw new IllegalArgumentException(
                    "squeeze-and-excitation needs at least 1 channel and 1 squeezed channel, got "
                            + channels
                            + " and "
                            + squeezed);
        }
        this.channels = channels;
        this.squeeze = addChildBlock("squeeze", Linear.builder().setUnits(squeezed).build());
        this.excite = addChildBlock("excite", Linear.builder().setUnits(channels).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList pooled = new NDList(Pool.globalAvgPool2d(x));
        NDArray hidden =
                Activation.relu(
                        squeeze.forward(parameterStore, pooled, training, params)
                                .singletonOrThrow());
        NDArray gates =
                Activation.sigmoid(
                        excite.forward(parameterStore, new NDList(hidden), training, params)
                                .singletonOrThrow());
        Shape shape = x.getShape();
        return new NDList(x.mul(gates.reshape(shape.get(0), shape.get(1), 1, 1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        if (input.dimension() != 4 || input.get(1) != channels) {
            throw new IllegalArgumentException(
                    "squeeze-and-excitation over "
                            + channels
                            + " channels cannot take an input of shape "
                            + input
                            + "; expected (N, "
                            + channels
                            + ", H, W)");
        }
        return new Shape[] {input};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        getOutputShapes(inputShapes);
        Shape pooled = new Shape(inputShapes[0].get(0), channels);
        squeeze.initialize(manager, dataType, pooled);
        excite.initialize(manager, dataType, squeeze.getOutputShapes(new Shape[] {pooled}));
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        GraphBuilder<T> graph = lowering.graph();
        T x = inputs.get(0);
        T hidden = graph.relu(lowering.lower(squeeze, List.of(graph.globalAveragePool(x))).get(0));
        T gates = graph.sigmoid(lowering.lower(excite, List.of(hidden)).get(0));
        return List.of(graph.scaleChannels(x, gates));
    }

    @Override
    public String toString() {
        return "SqueezeExcitation(" + channels + ")";
    }
}
