package org.djlnas.spaces.textnas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * Looks token ids up in a trainable table, with DJL's embedding operator: {@code (N, L)} ids, as
 * floats, become {@code (N, E, L)} vectors, channels first as the cells expect.
 */
final class TokenEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int vocabularySize;
    private final int embeddingSize;
    private final Parameter table;

    TokenEmbedding(int vocabularySize, int embeddingSize) {
        super(VERSION);
        this.vocabularySize = vocabularySize;
        this.embeddingSize = embeddingSize;
        this.table =
                addParameter(
                        Parameter.builder()
                                .setName("embedding")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(vocabularySize, embeddingSize))
                                .optInitializer(new NormalInitializer(0.1f))
                                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray ids = inputs.head();
        NDArray weight = parameterStore.getValue(table, ids.getDevice(), training);
        NDArray indices = ids.toType(DataType.INT64, false);
        NDArray vectors = Embedding.embedding(indices, weight, SparseFormat.DENSE).head();
        // toType returns the input itself when it already holds INT64 ids: only a converted copy
        // is ours to free (a batch may be passed more than once, as in SPOS's recalibration).
        if (indices != ids) {
            indices.close();
        }
        return new NDList(vectors.transpose(0, 2, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), embeddingSize, ids.get(1))};
    }

    @Override
    public String toString() {
        return "TokenEmbedding(" + vocabularySize + " → " + embeddingSize + ")";
    }
}
