package org.djlnas.spaces.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * A linear model on a document's token counts: multinomial logistic regression on the bag of words.
 * Each token id has a weight per class but the first, a document's logits are the sum of its
 * tokens' weights (padding, id 0, left out) plus a bias, and the first class's logit is 0 (the
 * reference class, which makes the weights identifiable; it also keeps the gradients from summing
 * to exactly zero, which DJL's trainer refuses on its first step).
 */
final class BagOfWords extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int classes;
    private final Parameter weights;
    private final Parameter bias;

    BagOfWords(int vocabularySize, int classes) {
        super(VERSION);
        if (classes < 2) {
            throw new IllegalArgumentException(
                    "classes is " + classes + "; a bag-of-words classifier needs at least 2");
        }
        this.classes = classes;
        this.weights =
                addParameter(
                        Parameter.builder()
                                .setName("weight")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(vocabularySize, classes - 1))
                                .optInitializer(Initializer.ZEROS)
                                .build());
        this.bias =
                addParameter(
                        Parameter.builder()
                                .setName("bias")
                                .setType(Parameter.Type.BIAS)
                                .optShape(new Shape(classes - 1))
                                .optInitializer(Initializer.ZEROS)
                                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray ids = inputs.head();
        NDArray table = parameterStore.getValue(weights, ids.getDevice(), training);
        NDArray offset = parameterStore.getValue(bias, ids.getDevice(), training);
        NDArray perToken =
                Embedding.embedding(ids.toType(DataType.INT64, false), table, SparseFormat.DENSE)
                        .head();
        NDArray present = ids.gt(0).toType(DataType.FLOAT32, false).expandDims(2);
        NDArray others = perToken.mul(present).sum(new int[] {1}).add(offset);
        NDArray reference = others.getManager().zeros(new Shape(others.getShape().get(0), 1));
        return new NDList(reference.concat(others, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }
}
