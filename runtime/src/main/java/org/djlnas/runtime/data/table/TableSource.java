package org.djlnas.runtime.data.table;

import static java.util.Objects.requireNonNull;

import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.SequenceSampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.SeededShuffleSampler;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.encoding.RowEncoding;
import org.jspecify.annotations.Nullable;

/**
 * A table as a data source ({@code csv:FILE}). The file is read once, on first use: a seeded {@code
 * test-fraction} of its rows (option {@code split-seed}) becomes the test set, the rest the
 * training set, on which the column encoding ({@link ColumnEncoder}) and the target's statistics
 * ({@link TargetColumn}) are learnt. Every row is then encoded with {@link RowEncoding}, which a
 * published model replays. Bad rows are {@link BadTableException}s naming file, line and column.
 */
public final class TableSource implements DataSource {

    private final Path file;
    private final TableOptions options;
    private @Nullable EncodedTable table;

    TableSource(Path file, TableOptions options) {
        this.file = requireNonNull(file, "file is null");
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String id() {
        return CsvProvider.ID + ":" + file;
    }

    @Override
    public Task task() throws IOException {
        return table().task();
    }

    @Override
    public DataInput input() throws IOException {
        return new DataInput.Features(table().encoding().featureNames());
    }

    /**
     * Returns how rows are encoded, learnt from the training rows.
     *
     * @return the encoding
     * @throws IOException if the file cannot be read
     */
    public RowEncoding encoding() throws IOException {
        return table().encoding();
    }

    @Override
    public Map<String, Object> preprocessing() throws IOException {
        return table().preprocessing();
    }

    @Override
    public int trainingSetSize() throws IOException {
        return table().trainRows().length;
    }

    @Override
    public RandomAccessDataset train(
            DataSplit split, int maxTrainExamples, int batchSize, long shuffleSeed)
            throws IOException {
        int[] indices = split.apply(trainingSetSize(), maxTrainExamples).train();
        return trainingExamples(indices, batchSize, shuffleSeed);
    }

    @Override
    public RandomAccessDataset validation(DataSplit split, int batchSize) throws IOException {
        EncodedTable encoded = table();
        int[] indices = split.apply(encoded.trainRows().length, 0).validation();
        return TableDataset.of(encoded, rows(encoded.trainRows(), indices), inOrder(batchSize));
    }

    @Override
    public RandomAccessDataset test(int batchSize) throws IOException {
        EncodedTable encoded = table();
        return TableDataset.of(encoded, encoded.testRows(), inOrder(batchSize));
    }

    @Override
    public RandomAccessDataset trainingExamples(int[] indices, int batchSize, long shuffleSeed)
            throws IOException {
        EncodedTable encoded = table();
        return TableDataset.of(
                encoded,
                rows(encoded.trainRows(), indices),
                SeededShuffleSampler.batches(shuffleSeed, checkBatch(batchSize)));
    }

    private static int[] rows(int[] trainRows, int[] indices) {
        int[] rows = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= trainRows.length) {
                throw new IllegalArgumentException(
                        "training example "
                                + indices[i]
                                + " is out of range; expected 0 to "
                                + (trainRows.length - 1));
            }
            rows[i] = trainRows[indices[i]];
        }
        return rows;
    }

    private static BatchSampler inOrder(int batchSize) {
        return new BatchSampler(new SequenceSampler(), checkBatch(batchSize), false);
    }

    private static int checkBatch(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "batchSize is " + batchSize + "; expected a number >= 1");
        }
        return batchSize;
    }

    private synchronized EncodedTable table() throws IOException {
        if (table == null) {
            table = EncodedTable.encode(CsvTable.read(file, options.delimiter()), options);
        }
        return table;
    }

    @Override
    public String toString() {
        return "table " + file + " (target " + options.target() + ")";
    }
}
