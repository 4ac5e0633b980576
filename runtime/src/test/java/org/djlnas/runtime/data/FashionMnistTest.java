package org.djlnas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataSplit;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    private static final Path REAL = FashionMnist.DEFAULT_DIRECTORY;

    private static NDManager manager;

    @TempDir Path dir;

    @BeforeAll
    static void openManager() {
        manager = TestEngine.newManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    private static float normalised(int pixel) {
        return (pixel / 255f - FashionMnist.MEAN) / FashionMnist.STD;
    }

    @Test
    void recordsAreNormalisedImagesWithFloatLabels() throws IOException {
        IdxFiles.fakeFashionMnist(dir, 30, 5);
        FashionMnist train = FashionMnist.builder().optDirectory(dir).setSampling(4, false).build();
        train.prepare(null);
        assertThat(train.size()).isEqualTo(30);
        try (NDManager scope = manager.newSubManager()) {
            Record record = train.get(scope, 12);
            NDArray image = record.getData().singletonOrThrow();
            assertThat(image.getShape()).isEqualTo(new Shape(1, 28, 28));
            assertThat(image.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(image.getFloat(0, 3, 5)).isEqualTo(normalised(IdxFiles.pixel(12, 3, 5)));
            NDArray label = record.getLabels().singletonOrThrow();
            assertThat(label.getShape()).isEqualTo(new Shape());
            assertThat(label.getFloat()).isEqualTo(2f);
        }
        FashionMnist test =
                FashionMnist.builder()
                        .optDirectory(dir)
                        .optUsage(Dataset.Usage.TEST)
                        .setSampling(4, false)
                        .build();
        test.prepare(null);
        assertThat(test.size()).isEqualTo(5);
    }

    @Test
    void directBatchesEqualStackedRecords() throws Exception {
        IdxFiles.fakeFashionMnist(dir, 20, 5);
        int[] subset = {19, 3, 7, 0, 11, 4, 2};
        FashionMnist direct =
                FashionMnist.builder()
                        .optDirectory(dir)
                        .optIndices(subset)
                        .setSampling(3, false)
                        .build();
        // A transform forces DJL's record-by-record path.
        FashionMnist generic =
                FashionMnist.builder()
                        .optDirectory(dir)
                        .optIndices(subset)
                        .setSampling(3, false)
                        .addTransform(array -> array)
                        .build();
        List<float[]> directImages = new ArrayList<>();
        List<float[]> directLabels = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Batch batch : direct.getData(manager)) {
            try (batch) {
                assertThat(batch.getData().head().getShape().slice(1))
                        .isEqualTo(new Shape(1, 28, 28));
                assertThat(batch.getLabels().head().getShape())
                        .isEqualTo(new Shape(batch.getSize()));
                directImages.add(batch.getData().head().toFloatArray());
                directLabels.add(batch.getLabels().head().toFloatArray());
                sizes.add(batch.getSize());
            }
        }
        assertThat(sizes).containsExactly(3, 3, 1);
        int i = 0;
        for (Batch batch : generic.getData(manager)) {
            try (batch) {
                assertThat(batch.getData().head().toFloatArray()).isEqualTo(directImages.get(i));
                assertThat(batch.getLabels().head().toFloatArray()).isEqualTo(directLabels.get(i));
                i++;
            }
        }
        assertThat(i).isEqualTo(3);
        assertThat(directLabels.get(0)).containsExactly(9f, 3f, 7f);
        assertThat(manager.getManagedArrays()).isEmpty();
    }

    @Test
    void batchesKeepTheirValuesWhileLaterBatchesAreBuilt() throws Exception {
        IdxFiles.fakeFashionMnist(dir, 20, 5);
        FashionMnist data = FashionMnist.builder().optDirectory(dir).setSampling(5, false).build();
        // Take the 4 batches without asking for a fifth: DJL frees an iterable's batches once it
        // is exhausted.
        java.util.Iterator<Batch> iterator = data.getData(manager).iterator();
        List<Batch> open = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            open.add(iterator.next());
        }
        for (int b = 0; b < open.size(); b++) {
            try (Batch batch = open.get(b)) {
                float[] images = batch.getData().head().toFloatArray();
                assertThat(images[784 + 28 + 2])
                        .isEqualTo(normalised(IdxFiles.pixel(b * 5 + 1, 1, 2)));
                assertThat(batch.getLabels().head().toFloatArray())
                        .containsExactly(
                                b * 5 % 10,
                                b * 5 % 10 + 1,
                                b * 5 % 10 + 2,
                                b * 5 % 10 + 3,
                                b * 5 % 10 + 4);
            }
        }
    }

    @Test
    void prefetchingWithAnExecutorGivesTheSameBatches() throws Exception {
        IdxFiles.fakeFashionMnist(dir, 50, 5);
        FashionMnist data =
                FashionMnist.builder()
                        .optDirectory(dir)
                        .setSampling(7, false)
                        .optPrefetchNumber(3)
                        .build();
        java.util.concurrent.ExecutorService executor =
                java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<Float> labels = new ArrayList<>();
            for (Batch batch : data.getData(manager, executor)) {
                try (batch) {
                    for (float label : batch.getLabels().head().toFloatArray()) {
                        labels.add(label);
                    }
                }
            }
            assertThat(labels).hasSize(50);
            for (int i = 0; i < 50; i++) {
                assertThat(labels.get(i)).isEqualTo((float) (i % 10));
            }
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void seededSamplingRepeatsItsOrder() throws Exception {
        IdxFiles.fakeFashionMnist(dir, 40, 5);
        assertThat(labelsOfFirstPass(7)).isEqualTo(labelsOfFirstPass(7));
        assertThat(labelsOfFirstPass(7)).isNotEqualTo(labelsOfFirstPass(8));
    }

    private List<Float> labelsOfFirstPass(long seed) throws Exception {
        FashionMnist data =
                FashionMnist.builder().optDirectory(dir).setSeededSampling(10, seed).build();
        List<Float> labels = new ArrayList<>();
        for (Batch batch : data.getData(manager)) {
            try (batch) {
                for (float label : batch.getLabels().head().toFloatArray()) {
                    labels.add(label);
                }
            }
        }
        return labels;
    }

    @Test
    void missingDataSaysHowToGetIt() {
        Path missing = dir.resolve("no-such-folder");
        FashionMnist data =
                FashionMnist.builder().optDirectory(missing).setSampling(4, false).build();
        assertThatThrownBy(() -> data.prepare(null))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(missing.resolve(FashionMnist.TRAIN_IMAGES).toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("install the Debian package dataset-fashion-mnist")
                .hasMessageContaining("`dataset` DIR")
                .hasMessageContaining("NAS_DATA_DIR");
    }

    @Test
    void missingTestFileIsNamed() throws IOException {
        IdxFiles.fakeFashionMnist(dir, 10, 5);
        Files.delete(dir.resolve(FashionMnist.TEST_LABELS));
        assertThatThrownBy(() -> new FashionMnistSource(dir).test(4))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(dir.resolve(FashionMnist.TEST_LABELS).toString())
                .hasMessageContaining("dataset-fashion-mnist");
    }

    @Test
    void corruptFileIsNamed() throws IOException {
        IdxFiles.fakeFashionMnist(dir, 10, 5);
        Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> new FashionMnistSource(dir).trainingSetSize())
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(dir.resolve(FashionMnist.TRAIN_IMAGES).toString());
    }

    @Test
    void uncompressedFilesAreFoundToo() throws IOException {
        IdxFiles.fakeFashionMnist(dir, 10, 5);
        Files.delete(dir.resolve(FashionMnist.TRAIN_LABELS));
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(10, 10));
        assertThat(new FashionMnistSource(dir).trainingSetSize()).isEqualTo(10);
    }

    @Test
    void directoryComesFromTheBuilderThenTheEnvironmentThenTheDefault() {
        Path given = Path.of("/given");
        Map<String, String> env = Map.of(FashionMnist.DATA_DIR_ENV, "/from-env");
        assertThat(FashionMnist.resolveDirectory(Optional.of(given), env::get)).isEqualTo(given);
        assertThat(FashionMnist.resolveDirectory(Optional.empty(), env::get))
                .isEqualTo(Path.of("/from-env"));
        assertThat(FashionMnist.resolveDirectory(Optional.empty(), name -> null))
                .isEqualTo(FashionMnist.DEFAULT_DIRECTORY);
    }

    @Test
    void misuseIsRejectedByName() throws IOException {
        assertThatThrownBy(() -> FashionMnist.builder().optUsage(Dataset.Usage.VALIDATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VALIDATION");
        assertThatThrownBy(() -> FashionMnist.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sampling");
        assertThatThrownBy(() -> FashionMnist.builder().setSeededSampling(0, 1))
                .hasMessageContaining("batchSize");
        IdxFiles.fakeFashionMnist(dir, 10, 5);
        FashionMnist data =
                FashionMnist.builder()
                        .optDirectory(dir)
                        .optIndices(new int[] {3, 10})
                        .setSampling(2, false)
                        .build();
        assertThatThrownBy(() -> data.prepare(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indices holds 10");
    }

    @Test
    void sourceSplitsTheTrainingSet() throws IOException {
        IdxFiles.fakeFashionMnist(dir, 200, 30);
        FashionMnistSource source = new FashionMnistSource(dir);
        assertThat(source.id()).isEqualTo("fashion-mnist");
        assertThat(source.inputShape()).isEqualTo(new Shape(1, 28, 28));
        assertThat(source.classes()).isEqualTo(10);
        assertThat(source.classNames()).startsWith("T-shirt/top").endsWith("Ankle boot");
        DataSplit split = DataSplit.of(1);
        assertThat(source.train(split, 0, 16, 1).size()).isEqualTo(180);
        assertThat(source.train(split, 50, 16, 1).size()).isEqualTo(50);
        assertThat(source.validation(split, 16).size()).isEqualTo(20);
        assertThat(source.test(16).size()).isEqualTo(30);
    }

    @Test
    void realDataHasTheKnownSizesLabelsAndStatistics() throws Exception {
        DataRequirements.requireFashionMnist(REAL);
        FashionMnistSource source = new FashionMnistSource(REAL);
        assertThat(source.trainingSetSize()).isEqualTo(60_000);
        RandomAccessDataset test = source.test(1000);
        assertThat(test.size()).isEqualTo(10_000);
        DataSplit split = DataSplit.of(0);
        assertThat(source.validation(split, 64).size()).isEqualTo(6_000);
        assertThat(source.train(split, 2_000, 64, 0).size()).isEqualTo(2_000);

        FashionMnist all =
                FashionMnist.builder().optDirectory(REAL).setSampling(1000, false).build();
        double sum = 0;
        double squares = 0;
        long count = 0;
        int batches = 0;
        for (Batch batch : all.getData(manager)) {
            try (batch) {
                if (batches == 0) {
                    // The first training image is an ankle boot, the second a T-shirt.
                    assertThat(batch.getLabels().head().getFloat(0)).isEqualTo(9f);
                    assertThat(batch.getLabels().head().getFloat(1)).isEqualTo(0f);
                }
                if (batches++ % 6 == 0) {
                    for (float v : batch.getData().head().toFloatArray()) {
                        sum += v;
                        squares += (double) v * v;
                        count++;
                    }
                }
            }
        }
        double mean = sum / count;
        double std = Math.sqrt(squares / count - mean * mean);
        assertThat(mean).isBetween(-0.05, 0.05);
        assertThat(std).isBetween(0.95, 1.05);
    }

    @Test
    @Tag("benchmark") // a speed target: run with the benchmarks, never in mvn verify
    void batchOf64IsBuiltWellUnderAMillisecond() throws Exception {
        DataRequirements.requireFashionMnist(REAL);
        RandomAccessDataset train = new FashionMnistSource(REAL).train(DataSplit.of(0), 0, 64, 1);
        double msPerBatch = Double.NaN;
        long batches = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            // The first epoch warms the JIT up; the second is measured.
            batches = 0;
            long start = System.nanoTime();
            for (Batch batch : train.getData(manager)) {
                try (batch) {
                    batches++;
                }
            }
            msPerBatch = (System.nanoTime() - start) / 1e6 / batches;
        }
        System.out.printf(
                "Fashion-MNIST: %.3f ms per batch of 64 (epoch of %d batches)%n",
                msPerBatch, batches);
        assertThat(batches).isEqualTo(844);
        assertThat(msPerBatch).isLessThan(1.0);
        assertThat(manager.getManagedArrays()).isEmpty();
    }
}
