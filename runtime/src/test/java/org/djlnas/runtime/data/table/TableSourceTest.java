package org.djlnas.runtime.data.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.encoding.RowEncoding;
import org.djlnas.api.settings.Settings;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSourceTest {

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

    /** 40 rows: a number, a colour, an id, and a label that is the colour's parity. */
    private Path houses() throws IOException {
        StringBuilder csv = new StringBuilder("size,colour,id,label\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 40; i++) {
            csv.append(10 + i)
                    .append(',')
                    .append(colours[i % 3])
                    .append(',')
                    .append(1000 + i)
                    .append(',')
                    .append(i % 2 == 0 ? "cheap" : "dear")
                    .append('\n');
        }
        return write("houses.csv", csv.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static DataSource open(Path file, String... options) {
        Map<String, String> given = new HashMap<>();
        for (String option : options) {
            String[] parts = option.split("=", 2);
            given.put(parts[0], parts[1]);
        }
        CsvProvider provider = new CsvProvider();
        return provider.open(
                Optional.of(file.toString()),
                Settings.resolve("data set 'csv'", provider.options(), given));
    }

    @Test
    void providerIsRegistered() {
        assertThat(ServiceLoader.load(DataSourceProvider.class).stream().map(p -> p.get().id()))
                .contains("csv");
    }

    @Test
    void textTargetIsClassificationAndColumnsAreEncodedFromTrainingRows()
            throws IOException, TranslateException {
        DataSource source = open(houses(), "target=label", "drop=id");
        assertThat(source.task()).isEqualTo(new Task.Classification(List.of("cheap", "dear")));
        assertThat(source.input())
                .isEqualTo(
                        new DataInput.Features(
                                List.of("size", "colour=blue", "colour=green", "colour=red")));
        assertThat(source.trainingSetSize()).isEqualTo(32);
        Map<String, Object> preprocessing = source.preprocessing();
        assertThat(preprocessing)
                .containsEntry("target", "label")
                .containsEntry("task", "classification")
                .containsEntry("testRows", 8)
                .containsEntry("dropped", List.of("id"));
        RowEncoding encoding = RowEncoding.fromJson(preprocessing);
        RowEncoding.Numeric size = (RowEncoding.Numeric) encoding.columns().get(0);
        // the mean of the 32 training sizes, not of all 40 (whose mean is 29.5)
        double[] trainSizes = trainingColumn(source, 0, size);
        assertThat(size.mean())
                .isCloseTo(Arrays.stream(trainSizes).average().orElseThrow(), within(1e-4));
        assertThat(size.mean()).isNotCloseTo(29.5, within(1e-6));
    }

    /** Reads back a numeric column of the training rows from their encoded features. */
    private static double[] trainingColumn(
            DataSource source, int feature, RowEncoding.Numeric column)
            throws IOException, TranslateException {
        List<Double> values = new ArrayList<>();
        RandomAccessDataset all = source.trainingExamples(range(source.trainingSetSize()), 64, 1);
        try (NDManager scope = manager.newSubManager()) {
            for (Batch batch : all.getData(scope)) {
                float[] x = batch.getData().head().toFloatArray();
                int width = (int) batch.getData().head().getShape().get(1);
                for (int r = 0; r < x.length / width; r++) {
                    values.add(x[r * width + feature] * column.std() + column.mean());
                }
                batch.close();
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    @Test
    void splitsAreDisjointAndCoverTheTable() throws IOException, TranslateException {
        DataSource source = open(houses(), "target=label", "test-fraction=0.25", "split-seed=3");
        DataSplit split = DataSplit.of(7);
        long train = source.train(split, 0, 5, 1).size();
        long validation = source.validation(split, 5).size();
        long test = source.test(5).size();
        assertThat(test).isEqualTo(10);
        assertThat(train + validation).isEqualTo(30);
        assertThat(validation).isEqualTo(3);
        try (NDManager scope = manager.newSubManager()) {
            Batch batch = source.test(10).getData(scope).iterator().next();
            assertThat(batch.getData().head().getShape().dimension()).isEqualTo(2);
            assertThat(batch.getLabels().head().getShape().get(0)).isEqualTo(10);
            batch.close();
        }
    }

    @Test
    void smallIntegerTargetIsClassificationManyValuesRegression() throws IOException {
        StringBuilder small = new StringBuilder("x;y\n");
        StringBuilder many = new StringBuilder("x;y\n");
        for (int i = 0; i < 100; i++) {
            small.append(i).append(';').append(i % 3 + 1).append('\n');
            many.append(i).append(';').append(2 * i + 0.5).append('\n');
        }
        DataSource classes = open(write("small.csv", small.toString()), "target=y");
        assertThat(classes.task()).isEqualTo(new Task.Classification(List.of("1", "2", "3")));
        DataSource numbers = open(write("many.csv", many.toString()), "target=y");
        assertThat(numbers.task()).isInstanceOf(Task.Regression.class);
        Task.Regression regression = (Task.Regression) numbers.task();
        assertThat(regression.target()).isEqualTo("y");
        assertThat(regression.mean()).isBetween(80.0, 120.0);
        DataSource forced =
                open(write("small2.csv", small.toString()), "target=y", "task=regression");
        assertThat(forced.task()).isInstanceOf(Task.Regression.class);
    }

    @Test
    void numericClassesSortByValueAndUnseenCategoryEncodesAsZeros() throws IOException {
        StringBuilder csv = new StringBuilder("c,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 2 == 0 ? "a" : "b").append(',').append(i % 2 == 0 ? 10 : 9).append('\n');
        }
        DataSource source = open(write("t.csv", csv.toString()), "target=y");
        assertThat(source.classNames()).containsExactly("9", "10");
        RowEncoding encoding = RowEncoding.fromJson(source.preprocessing());
        assertThat(encoding.encode(Map.of("c", "zzz"))).containsExactly(0f, 0f);
        assertThat(encoding.encode(Map.of("c", "b"))).containsExactly(0f, 1f);
    }

    @Test
    void imputeMeanFillsNumbersWithTheMeanAndCategoriesWithMissing() throws IOException {
        StringBuilder csv = new StringBuilder("n,c,y\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i % 5 == 0 ? "" : String.valueOf(i))
                    .append(',')
                    .append(i % 7 == 0 ? "NA" : "k" + (i % 2))
                    .append(',')
                    .append(i % 2)
                    .append('\n');
        }
        Path file = write("gaps.csv", csv.toString());
        assertThatThrownBy(() -> open(file, "target=y").task())
                .isInstanceOf(BadTableException.class)
                .hasMessageContaining("gaps.csv")
                .hasMessageContaining("line 2, column 'n' has a missing value")
                .hasMessageContaining("impute=mean");
        DataSource source = open(file, "target=y", "impute=mean");
        RowEncoding encoding = RowEncoding.fromJson(source.preprocessing());
        assertThat(source.input().shape().get(0)).isEqualTo(4);
        assertThat(((RowEncoding.Categorical) encoding.columns().get(1)).categories())
                .containsExactly("k0", "k1", RowEncoding.MISSING_CATEGORY);
        assertThat(encoding.encode(Map.of("c", "k1"))).containsExactly(0f, 0f, 1f, 0f);
        assertThat(encoding.encode(Map.of("n", " ", "c", "NA"))).containsExactly(0f, 0f, 0f, 1f);
    }

    @Test
    void tabsAreDetectedFromTheHeaderAndQuotedFieldsKeepTheirCommas() throws IOException {
        StringBuilder csv = new StringBuilder("name\tprice\tkind\n");
        for (int i = 0; i < 30; i++) {
            csv.append("\"a, b ")
                    .append(i % 4)
                    .append("\"\t")
                    .append(i)
                    .append('\t')
                    .append(i % 2 == 0 ? "x" : "y")
                    .append('\n');
        }
        DataSource source = open(write("items.txt", csv.toString()), "target=kind");
        assertThat(source.input())
                .isEqualTo(
                        new DataInput.Features(
                                List.of(
                                        "name=a, b 0",
                                        "name=a, b 1",
                                        "name=a, b 2",
                                        "name=a, b 3",
                                        "price")));
        assertThat(source.preprocessing()).containsEntry("delimiter", "\t");
    }

    @Test
    void badTablesNameFileLineAndColumn() throws IOException {
        String rows = "a,b,y\n1,x,p\n2,x,q\n3,y,p\n4,y,q\n5,x,p\n";
        assertBad(write("empty.csv", ""), "target=y", "empty.csv' is empty");
        assertBad(
                write("header.csv", "a,b,y\n"), "target=y", "header.csv' has a header but no rows");
        assertBad(
                write("t1.csv", rows),
                "target=price",
                "has no column 'price' (option target); its columns are a, b, y");
        assertBad(
                write("t2.csv", rows + "6,x\n"),
                "target=y",
                "t2.csv' line 7: 2 fields; expected 3");
        String numbers = "a,b,y\n" + "1,x,p\n".repeat(20) + "two,x,q\n" + "2,y,q\n".repeat(20);
        assertBad(
                write("t3.csv", numbers),
                "target=y",
                "t3.csv' line 22, column 'a' holds 'two'; expected a number");
        assertBad(
                write("t4.csv", "a,y\n" + "1,p\n".repeat(10)),
                "target=y",
                "t4.csv' column 'y' (the target) has a single class 'p'");
        assertBad(
                write("t5.csv", "a,y\n" + "1,3.5\n".repeat(10)),
                "target=y",
                "t5.csv' column 'y' (the target) has a single value 3.5");
        assertBad(
                write("t6.csv", "a,y\n1,p\n2,\n3,q\n4,q\n"),
                "target=y",
                "t6.csv' line 3, column 'y' (the target) has a missing value");
        assertBad(
                write("t7.csv", rows),
                "target=y",
                "task=regression",
                "line 2, column 'y' (the target) holds 'p'; expected a number");
    }

    private static void assertBad(Path file, String... optionsThenMessage) {
        String[] options = Arrays.copyOf(optionsThenMessage, optionsThenMessage.length - 1);
        String message = optionsThenMessage[optionsThenMessage.length - 1];
        assertThatThrownBy(() -> open(file, options).task())
                .isInstanceOf(BadTableException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("Exception")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badOptionsAndPathsAreRefusedWhenOpened() {
        assertThatThrownBy(() -> open(dir.resolve("nope.csv"), "target=y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table '" + dir.resolve("nope.csv") + "' does not exist");
        assertThatThrownBy(() -> open(dir, "target=y"))
                .hasMessageContaining("is a folder; expected a file");
        assertThatThrownBy(() -> open(houses())).hasMessageContaining("option 'target' is missing");
        assertThatThrownBy(() -> open(houses(), "target=label", "task=cluster"))
                .hasMessageContaining(
                        "option 'task' is 'cluster'; expected auto, classification or regression");
        assertThatThrownBy(() -> open(houses(), "target=label", "test-fraction=1"))
                .hasMessageContaining("option 'test-fraction'");
        assertThatThrownBy(() -> open(houses(), "target=label", "impute=median"))
                .hasMessageContaining("option 'impute' is 'median'; expected none or mean");
    }
}
