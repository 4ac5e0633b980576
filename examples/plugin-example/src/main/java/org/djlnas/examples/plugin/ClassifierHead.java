package org.djlnas.examples.plugin;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/** Global average pooling and a linear classifier: {@code (N, C, H, W) → (N, classes)}. */
final class ClassifierHead extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block classifier;
    private final int classes;

    /**
     * Creates the head.
     *
     * @param classes the number of classes
     */
    ClassifierHead(int classes) {
        super(VERSION);
        this.classes = classes;
        classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDList pooled = new NDList(Pool.globalAvgPool2d(inputs.singletonOrThrow()));
        return classifier.forward(parameterStore, pooled, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        classifier.initialize(
                manager, dataType, new Shape(inputShapes[0].get(0), inputShapes[0].get(1)));
    }
}
