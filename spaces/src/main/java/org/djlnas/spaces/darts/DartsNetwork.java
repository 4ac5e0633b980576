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
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.jspecify.annotations.Nullable;

/**
 * The DARTS network: a stem, a chain of cells each fed by the two cells before it, global average
 * pooling and a linear classifier.
 */
final class DartsNetwork extends AbstractBlock implements PortableBlock {

    private static final byte VERSION = 1;

    private final Block stem;
    private final List<Block> cells;
    private final Block head;

    DartsNetwork(Block stem, List<Block> cells, Block head) {
        super(VERSION);
        this.stem = addChildBlock("stem", stem);
        List<Block> added = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            added.add(addChildBlock("cell" + i, cells.get(i)));
        }
        this.cells = List.copyOf(added);
        this.head = addChildBlock("head", head);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray s0 = stem.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray s1 = s0;
        for (Block cell : cells) {
            NDArray next =
                    cell.forward(parameterStore, new NDList(s0, s1), training, params)
                            .singletonOrThrow();
            s0 = s1;
            s1 = next;
        }
        return head.forward(parameterStore, new NDList(s1), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return shapes(inputShapes, null, null);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        shapes(inputShapes, manager, dataType);
    }

    private Shape[] shapes(
            Shape[] inputShapes, @Nullable NDManager manager, @Nullable DataType dataType) {
        if (manager != null && dataType != null) {
            stem.initialize(manager, dataType, inputShapes);
        }
        Shape s0 = stem.getOutputShapes(inputShapes)[0];
        Shape s1 = s0;
        for (Block cell : cells) {
            Shape[] in = {s0, s1};
            if (manager != null && dataType != null) {
                cell.initialize(manager, dataType, in);
            }
            s0 = s1;
            s1 = cell.getOutputShapes(in)[0];
        }
        if (manager != null && dataType != null) {
            head.initialize(manager, dataType, s1);
        }
        return head.getOutputShapes(new Shape[] {s1});
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        T s0 = lowering.lower(stem, inputs).get(0);
        T s1 = s0;
        for (Block cell : cells) {
            T next = lowering.lower(cell, List.of(s0, s1)).get(0);
            s0 = s1;
            s1 = next;
        }
        return lowering.lower(head, List.of(s1));
    }
}
