package org.djlnas.spaces.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.jspecify.annotations.Nullable;

/**
 * A DARTS cell in its network: both inputs (the outputs of the two previous cells) are first
 * brought to the cell's channels and resolution, then the compiled cell runs on them.
 */
final class DartsCellBlock extends AbstractBlock implements PortableBlock {

    private static final byte VERSION = 1;

    private final Block preprocess0;
    private final Block preprocess1;
    private final Block cell;

    DartsCellBlock(Block preprocess0, Block preprocess1, Block cell) {
        super(VERSION);
        this.preprocess0 = addChildBlock("preprocess0", preprocess0);
        this.preprocess1 = addChildBlock("preprocess1", preprocess1);
        this.cell = addChildBlock("cell", cell);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray s0 =
                preprocess0
                        .forward(parameterStore, new NDList(inputs.get(0)), training, params)
                        .singletonOrThrow();
        NDArray s1 =
                preprocess1
                        .forward(parameterStore, new NDList(inputs.get(1)), training, params)
                        .singletonOrThrow();
        return cell.forward(parameterStore, new NDList(s0, s1), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return cell.getOutputShapes(preprocessedShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        preprocess0.initialize(manager, dataType, inputShapes[0]);
        preprocess1.initialize(manager, dataType, inputShapes[1]);
        cell.initialize(manager, dataType, preprocessedShapes(inputShapes));
    }

    private Shape[] preprocessedShapes(Shape[] inputShapes) {
        return new Shape[] {
            preprocess0.getOutputShapes(new Shape[] {inputShapes[0]})[0],
            preprocess1.getOutputShapes(new Shape[] {inputShapes[1]})[0]
        };
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        T s0 = lowering.lower(preprocess0, List.of(inputs.get(0))).get(0);
        T s1 = lowering.lower(preprocess1, List.of(inputs.get(1))).get(0);
        return lowering.lower(cell, List.of(s0, s1));
    }
}
