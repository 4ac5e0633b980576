package org.djlnas.runtime.data.text;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import org.jspecify.annotations.Nullable;

/**
 * Encoded documents as a DJL data set: a record is the document's token ids as floats, shape {@code
 * (length)}, and its class as a float scalar. The arrays are shared, read-only.
 */
final class TokenDataset extends RandomAccessDataset {

    private final float[][] ids;
    private final int[] labels;
    private final int[] indices;

    TokenDataset(BaseBuilder<?> builder, float[][] ids, int[] labels, int[] indices) {
        super(builder);
        this.ids = ids;
        this.labels = labels;
        this.indices = indices.clone();
    }

    @Override
    public Record get(NDManager manager, long index) {
        int example = indices[Math.toIntExact(index)];
        return new Record(
                new NDList(manager.create(ids[example])),
                new NDList(manager.create((float) labels[example])));
    }

    @Override
    protected long availableSize() {
        return indices.length;
    }

    @Override
    public void prepare(@Nullable Progress progress) {}

    /** Builds a {@link TokenDataset}; only sampling is set on it. */
    static final class Builder extends BaseBuilder<Builder> {

        @Override
        protected Builder self() {
            return this;
        }
    }
}
