package org.djlnas.runtime.data.table;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import org.jspecify.annotations.Nullable;

/**
 * Chosen rows of an encoded table as a DJL data set: a record is the row's float features, shape
 * {@code (features)}, and its float scalar label.
 */
final class TableDataset extends RandomAccessDataset {

    private final float[][] features;
    private final float[] labels;
    private final int[] rows;

    private TableDataset(Builder builder, float[][] features, float[] labels, int[] rows) {
        super(builder);
        this.features = features;
        this.labels = labels;
        this.rows = rows;
    }

    /**
     * Creates a data set of chosen rows.
     *
     * @param table the encoded table
     * @param rows the rows, in the table's numbering
     * @param sampler how rows are batched and ordered
     * @return the data set
     */
    static TableDataset of(
            EncodedTable table, int[] rows, ai.djl.training.dataset.Sampler sampler) {
        Builder builder = new Builder().setSampling(sampler);
        return new TableDataset(builder, table.features(), table.labels(), rows.clone());
    }

    @Override
    public Record get(NDManager manager, long index) {
        int row = rows[Math.toIntExact(index)];
        return new Record(
                new NDList(manager.create(features[row])), new NDList(manager.create(labels[row])));
    }

    @Override
    protected long availableSize() {
        return rows.length;
    }

    @Override
    public void prepare(@Nullable Progress progress) {
        // the rows are in memory already
    }

    private static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
