package org.djlnas.runtime.data.text;

import static java.util.Objects.requireNonNull;

import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.SeededShuffleSampler;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.encoding.TextEncoding;
import org.djlnas.api.settings.Settings;
import org.jspecify.annotations.Nullable;

/**
 * A text classification data source. It reads its documents once, on first use, builds the
 * vocabulary on the training documents only (test documents never count), and keeps every document
 * encoded as {@code length} token ids.
 */
final class TextSource implements DataSource {

    private final String id;
    private final TextCorpus.Reader reader;
    private final Settings options;
    private @Nullable Loaded loaded;

    TextSource(String id, TextCorpus.Reader reader, Settings options) {
        this.id = requireNonNull(id, "id is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** The documents, encoded. */
    private record Loaded(
            List<String> classNames,
            TextEncoding encoding,
            float[][] trainIds,
            int[] trainLabels,
            float[][] testIds,
            int[] testLabels) {}

    private synchronized Loaded load() throws IOException {
        if (loaded == null) {
            TextCorpus corpus = reader.read();
            TextEncoding encoding =
                    TextEncoding.fit(
                            corpus.train().stream().map(Document::text).toList(),
                            options.getInt(TextOptions.VOCABULARY),
                            options.getInt(TextOptions.MIN_COUNT),
                            options.getInt(TextOptions.LENGTH),
                            options.getBoolean(TextOptions.LOWERCASE));
            loaded =
                    new Loaded(
                            corpus.classNames(),
                            encoding,
                            encode(encoding, corpus.train()),
                            labels(corpus.train()),
                            encode(encoding, corpus.test()),
                            labels(corpus.test()));
        }
        return loaded;
    }

    private static float[][] encode(TextEncoding encoding, List<Document> documents) {
        float[][] ids = new float[documents.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encoding.encodeAsFloats(documents.get(i).text());
        }
        return ids;
    }

    private static int[] labels(List<Document> documents) {
        return documents.stream().mapToInt(Document::label).toArray();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Task task() throws IOException {
        return new Task.Classification(load().classNames());
    }

    @Override
    public DataInput input() throws IOException {
        TextEncoding encoding = load().encoding();
        return new DataInput.Tokens(encoding.vocabularySize(), encoding.length());
    }

    @Override
    public Map<String, Object> preprocessing() throws IOException {
        return load().encoding().preprocessing();
    }

    /**
     * Returns the encoding learnt from the training documents.
     *
     * @return the encoding
     * @throws IOException if the documents cannot be read
     */
    TextEncoding encoding() throws IOException {
        return load().encoding();
    }

    @Override
    public int trainingSetSize() throws IOException {
        return load().trainLabels().length;
    }

    @Override
    public RandomAccessDataset train(
            DataSplit split, int maxTrainExamples, int batchSize, long shuffleSeed)
            throws IOException {
        return trainingExamples(
                split.apply(trainingSetSize(), maxTrainExamples).train(), batchSize, shuffleSeed);
    }

    @Override
    public RandomAccessDataset validation(DataSplit split, int batchSize) throws IOException {
        Loaded data = load();
        return new TokenDataset(
                new TokenDataset.Builder().setSampling(batchSize, false),
                data.trainIds(),
                data.trainLabels(),
                split.apply(data.trainLabels().length, 0).validation());
    }

    @Override
    public RandomAccessDataset test(int batchSize) throws IOException {
        Loaded data = load();
        int[] all = new int[data.testLabels().length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new TokenDataset(
                new TokenDataset.Builder().setSampling(batchSize, false),
                data.testIds(),
                data.testLabels(),
                all);
    }

    @Override
    public RandomAccessDataset trainingExamples(int[] indices, int batchSize, long shuffleSeed)
            throws IOException {
        Loaded data = load();
        List<Integer> bad = new ArrayList<>();
        for (int index : indices) {
            if (index < 0 || index >= data.trainLabels().length) {
                bad.add(index);
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(
                    "indices hold "
                            + bad
                            + "; expected indices from 0 to "
                            + (data.trainLabels().length - 1));
        }
        return new TokenDataset(
                new TokenDataset.Builder()
                        .setSampling(SeededShuffleSampler.batches(shuffleSeed, batchSize)),
                data.trainIds(),
                data.trainLabels(),
                indices);
    }

    @Override
    public String toString() {
        return id;
    }
}
