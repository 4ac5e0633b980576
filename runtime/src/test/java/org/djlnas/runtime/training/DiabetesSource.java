package org.djlnas.runtime.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.SeededShuffleSampler;
import org.djlnas.api.data.Task;

/**
 * A small real regression for the tests, until the csv source lands: scikit-learn's diabetes table
 * (442 patients, 10 numeric features, disease progression after a year) from Debian's {@code
 * python3-sklearn}. The two gzipped files are space-separated numbers without a header. A fifth of
 * the rows (a seeded permutation) is the test set; features and target are standardised with the
 * other rows' statistics.
 */
public final class DiabetesSource implements DataSource {

    public static final Path FOLDER =
            Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data");

    private static final String[] FEATURES = {
        "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"
    };

    private final float[][] trainRows;
    private final float[] trainLabels;
    private final float[][] testRows;
    private final float[] testLabels;
    private final Task.Regression task;
    private final double[] featureMean;
    private final double[] featureStd;

    private DiabetesSource(
            float[][] trainRows,
            float[] trainLabels,
            float[][] testRows,
            float[] testLabels,
            Task.Regression task,
            double[] featureMean,
            double[] featureStd) {
        this.trainRows = trainRows;
        this.trainLabels = trainLabels;
        this.testRows = testRows;
        this.testLabels = testLabels;
        this.task = task;
        this.featureMean = featureMean;
        this.featureStd = featureStd;
    }

    public static boolean isInstalled() {
        return Files.isRegularFile(FOLDER.resolve("diabetes_data_raw.csv.gz"));
    }

    /** Reads the table and splits it. */
    public static DiabetesSource load() throws IOException {
        double[][] x = read(FOLDER.resolve("diabetes_data_raw.csv.gz"));
        double[][] y = read(FOLDER.resolve("diabetes_target.csv.gz"));
        int[] order = DataSplit.permutation(x.length, 0);
        int test = x.length / 5;
        int[] testIndices = Arrays.copyOfRange(order, 0, test);
        int[] trainIndices = Arrays.copyOfRange(order, test, order.length);
        double[] mean = new double[FEATURES.length];
        double[] std = new double[FEATURES.length];
        for (int f = 0; f < FEATURES.length; f++) {
            double[] column = new double[trainIndices.length];
            for (int i = 0; i < column.length; i++) {
                column[i] = x[trainIndices[i]][f];
            }
            mean[f] = Arrays.stream(column).average().orElseThrow();
            std[f] = deviation(column, mean[f]);
        }
        double[] targets = Arrays.stream(trainIndices).mapToDouble(i -> y[i][0]).toArray();
        double targetMean = Arrays.stream(targets).average().orElseThrow();
        Task.Regression task =
                new Task.Regression("progression", targetMean, deviation(targets, targetMean));
        return new DiabetesSource(
                rows(x, trainIndices, mean, std),
                labels(y, trainIndices, task),
                rows(x, testIndices, mean, std),
                labels(y, testIndices, task),
                task,
                mean,
                std);
    }

    /** The unstandardised targets of the training set, to compare with predicting the mean. */
    double[] trainingTargets() {
        double[] targets = new double[trainLabels.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = task.restore(trainLabels[i]);
        }
        return targets;
    }

    /** The unstandardised targets of the test set. */
    double[] testTargets() {
        double[] targets = new double[testLabels.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = task.restore(testLabels[i]);
        }
        return targets;
    }

    private static double deviation(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    private static float[][] rows(double[][] x, int[] indices, double[] mean, double[] std) {
        float[][] rows = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = new float[mean.length];
            for (int f = 0; f < mean.length; f++) {
                rows[i][f] = (float) ((x[indices[i]][f] - mean[f]) / std[f]);
            }
        }
        return rows;
    }

    private static float[] labels(double[][] y, int[] indices, Task.Regression task) {
        float[] labels = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = (float) ((y[indices[i]][0] - task.mean()) / task.scale());
        }
        return labels;
    }

    private static double[][] read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)),
                                StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(
                            Arrays.stream(line.trim().split("\\s+"))
                                    .mapToDouble(Double::parseDouble)
                                    .toArray());
                }
            }
        }
        return rows.toArray(double[][]::new);
    }

    @Override
    public String id() {
        return "diabetes";
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public DataInput input() {
        return new DataInput.Features(List.of(FEATURES));
    }

    @Override
    public Map<String, Object> preprocessing() {
        return Map.of(
                "mean", Arrays.stream(featureMean).boxed().toList(),
                "std", Arrays.stream(featureStd).boxed().toList());
    }

    @Override
    public int trainingSetSize() {
        return trainRows.length;
    }

    @Override
    public RandomAccessDataset train(
            DataSplit split, int maxTrainExamples, int batchSize, long shuffleSeed) {
        return trainingExamples(
                split.apply(trainRows.length, maxTrainExamples).train(), batchSize, shuffleSeed);
    }

    @Override
    public RandomAccessDataset validation(DataSplit split, int batchSize) {
        int[] indices = split.apply(trainRows.length, 0).validation();
        return new Rows(
                new Rows.Builder().setSampling(batchSize, false), trainRows, trainLabels, indices);
    }

    @Override
    public RandomAccessDataset test(int batchSize) {
        int[] all = new int[testRows.length];
        Arrays.setAll(all, i -> i);
        return new Rows(
                new Rows.Builder().setSampling(batchSize, false), testRows, testLabels, all);
    }

    @Override
    public RandomAccessDataset trainingExamples(int[] indices, int batchSize, long shuffleSeed) {
        return new Rows(
                new Rows.Builder()
                        .setSampling(SeededShuffleSampler.batches(shuffleSeed, batchSize)),
                trainRows,
                trainLabels,
                indices);
    }

    /** Chosen rows of float features with float labels. */
    private static final class Rows extends RandomAccessDataset {
        private final float[][] rows;
        private final float[] labels;
        private final int[] indices;

        Rows(Builder builder, float[][] rows, float[] labels, int[] indices) {
            super(builder);
            this.rows = rows;
            this.labels = labels;
            this.indices = indices;
        }

        @Override
        public Record get(NDManager manager, long index) {
            int row = indices[Math.toIntExact(index)];
            return new Record(
                    new NDList(manager.create(rows[row])), new NDList(manager.create(labels[row])));
        }

        @Override
        protected long availableSize() {
            return indices.length;
        }

        @Override
        public void prepare(Progress progress) {}

        static final class Builder extends BaseBuilder<Builder> {
            @Override
            protected Builder self() {
                return this;
            }
        }
    }
}
