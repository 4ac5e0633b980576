package org.djlnas.runtime.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.djlnas.api.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourceTest {

    @TempDir Path dir;

    private static DataSource open(
            DataSourceProvider provider, Path location, Map<String, String> options) {
        return provider.open(
                Optional.of(location.toString()),
                Settings.resolve("data set '" + provider.id() + "'", provider.options(), options));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private Path folder(int perClass) throws IOException {
        Path root = dir.resolve("mail");
        for (int i = 0; i < perClass; i++) {
            write("mail/spam/" + i + ".txt", "Subject: WIN cash now " + i + "\n\nclick here");
            write("mail/ham/" + i + ".txt", "Subject: meeting notes " + i + "\n\nsee you");
        }
        return root;
    }

    @Test
    void textFolderGivesTokenIdsAndClassesInFolderOrder() throws Exception {
        DataSource source =
                open(new TextFolderProvider(), folder(10), Map.of("length", "6", "min-count", "1"));
        assertThat(source.task()).isEqualTo(new Task.Classification(List.of("ham", "spam")));
        DataInput.Tokens input = (DataInput.Tokens) source.input();
        assertThat(input.length()).isEqualTo(6);
        assertThat(source.trainingSetSize()).isEqualTo(16);
        assertThat(source.test(4).size()).isEqualTo(4);
        @SuppressWarnings("unchecked")
        List<String> vocabulary = (List<String>) source.preprocessing().get("vocabulary");
        assertThat(vocabulary.subList(0, 2)).containsExactly("<pad>", "<unk>");
        assertThat(vocabulary)
                .contains("subject", ":", "cash", "meeting")
                .hasSize(input.vocabularySize());
        try (NDManager manager = NDManager.newBaseManager()) {
            RandomAccessDataset train = source.train(DataSplit.of(0), 0, 4, 1);
            Batch batch = train.getData(manager).iterator().next();
            assertThat(batch.getData().head().getShape().getShape()).containsExactly(4, 6);
            float[] ids = batch.getData().head().toFloatArray();
            assertThat(ids[0]).isEqualTo(vocabulary.indexOf("subject"));
            assertThat(ids[1]).isEqualTo(vocabulary.indexOf(":"));
            batch.close();
        }
    }

    @Test
    void vocabularyIsLearntOnTheTrainingDocumentsOnly() throws IOException {
        Path root = folder(3);
        Path test = dir.resolve("test");
        Files.createDirectories(test.resolve("ham"));
        Files.createDirectories(test.resolve("spam"));
        Files.writeString(test.resolve("ham/a.txt"), "zebra zebra zebra");
        Files.writeString(test.resolve("spam/b.txt"), "zebra quagga");
        DataSource source =
                open(
                        new TextFolderProvider(),
                        root,
                        Map.of("test-dir", test.toString(), "min-count", "1"));
        assertThat(source.trainingSetSize()).isEqualTo(6);
        assertThat(source.test(2).size()).isEqualTo(2);
        assertThat(vocabulary(source.preprocessing().get("vocabulary"))).doesNotContain("zebra");
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedNotFatal() throws IOException {
        Path root = folder(2);
        Files.write(
                root.resolve("spam/latin1.txt"),
                "prix r\u00e9duit".getBytes(StandardCharsets.ISO_8859_1));
        DataSource source = open(new TextFolderProvider(), root, Map.of("min-count", "1"));
        assertThat(source.trainingSetSize() + source.test(1).size()).isEqualTo(5);
    }

    @Test
    void splitIsSeeded() throws Exception {
        Path root = folder(20);
        DataSource a = open(new TextFolderProvider(), root, Map.of("split-seed", "3"));
        DataSource b = open(new TextFolderProvider(), root, Map.of("split-seed", "3"));
        DataSource c = open(new TextFolderProvider(), root, Map.of("split-seed", "4"));
        assertThat(a.trainingSetSize()).isEqualTo(32);
        assertThat(firstTestIds(a)).isEqualTo(firstTestIds(b)).isNotEqualTo(firstTestIds(c));
    }

    @SuppressWarnings("unchecked")
    private static List<String> vocabulary(Object value) {
        return (List<String>) value;
    }

    private static float[] firstTestIds(DataSource source) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch batch = source.test(8).getData(manager).iterator().next();
            float[] ids = batch.getData().head().toFloatArray();
            batch.close();
            return ids;
        }
    }

    @Test
    void csvAndTsvFilesWithNamedColumns() throws IOException {
        StringBuilder csv = new StringBuilder("id,body,kind\n");
        StringBuilder tsv = new StringBuilder("body\tkind\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append(",\"cheap, cheap pills\",spam\n");
            csv.append(i).append(",lunch at noon,ham\n");
            tsv.append("cheap pills\tspam\nlunch at noon\tham\n");
        }
        Map<String, String> options = Map.of("text", "body", "label", "kind", "min-count", "1");
        DataSource fromCsv = open(new TextFileProvider(), write("m.csv", csv.toString()), options);
        DataSource fromTsv = open(new TextFileProvider(), write("m.tsv", tsv.toString()), options);
        assertThat(fromCsv.classNames()).containsExactly("ham", "spam");
        assertThat(fromCsv.trainingSetSize()).isEqualTo(16);
        assertThat(vocabulary(fromCsv.preprocessing().get("vocabulary"))).contains("cheap", ",");
        assertThat(fromTsv.classNames()).containsExactly("ham", "spam");
        assertThat(vocabulary(fromTsv.preprocessing().get("vocabulary")))
                .contains("cheap")
                .doesNotContain(",");
    }

    @Test
    void aCsvFileInAnotherEncodingIsReadWithReplacements() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(
                file,
                ("text,label\n" + "prix r\u00e9duit,spam\nbonjour,ham\n".repeat(5))
                        .getBytes(StandardCharsets.ISO_8859_1));
        DataSource source =
                open(new TextFileProvider(), file, Map.of("min-count", "1", "lowercase", "false"));
        assertThat(source.classNames()).containsExactly("ham", "spam");
        assertThat(vocabulary(source.preprocessing().get("vocabulary")))
                .anyMatch(token -> token.contains("\ufffd"));
    }

    @Test
    void aMissingColumnListsTheColumns() throws IOException {
        Path file = write("m.csv", "body,label\nhello,a\nbye,b\n");
        DataSource source = open(new TextFileProvider(), file, Map.of());
        assertThatThrownBy(source::task)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        file + ": no column 'text' (option text); the columns are [body, label]");
    }

    @Test
    void anEmptyTextNamesTheRow() throws IOException {
        Path file = write("m.csv", "text,label\nhello,a\n  ,b\n");
        DataSource source = open(new TextFileProvider(), file, Map.of());
        assertThatThrownBy(source::task)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " row 2: column 'text' is empty; expected a text");
    }

    @Test
    void aSingleClassIsBadInput() throws IOException {
        Path file = write("m.csv", "text,label\nhello,a\nbye,a\n");
        assertThatThrownBy(open(new TextFileProvider(), file, Map.of())::task)
                .hasMessage(file + ": column 'label' holds 1 class(es) [a]; expected at least 2");
        Path root = dir.resolve("one");
        write("one/only/a.txt", "x");
        assertThatThrownBy(open(new TextFolderProvider(), root, Map.of())::task)
                .hasMessageContaining("has one class [only]; expected at least 2");
    }

    @Test
    void badFoldersAreNamed() throws IOException {
        assertThatThrownBy(() -> open(new TextFolderProvider(), dir.resolve("nope"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text folder " + dir.resolve("nope") + " does not exist");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(open(new TextFolderProvider(), dir.resolve("empty"), Map.of())::task)
                .hasMessageContaining("has no sub-folders");
        Path root = folder(2);
        Files.createDirectories(root.resolve("eggs"));
        assertThatThrownBy(open(new TextFolderProvider(), root, Map.of())::task)
                .hasMessage(
                        "class folder "
                                + root.resolve("eggs")
                                + " holds no documents; expected at least one file");
    }

    @Test
    void anEmptyDocumentIsNamed() throws IOException {
        Path root = folder(2);
        Path blank = write("mail/ham/blank.txt", " \n\t");
        assertThatThrownBy(open(new TextFolderProvider(), root, Map.of())::task)
                .hasMessage(blank + ": the document is empty; expected some text");
    }

    @Test
    void aTestFolderWithOtherClassesIsBadInput() throws IOException {
        Path root = folder(2);
        write("test/ham/a.txt", "x");
        write("test/eggs/a.txt", "x");
        DataSource source =
                open(
                        new TextFolderProvider(),
                        root,
                        Map.of("test-dir", dir.resolve("test").toString()));
        assertThatThrownBy(source::task)
                .hasMessage(
                        "option test-dir "
                                + dir.resolve("test")
                                + " has classes [eggs, ham]; expected the training folder's [ham,"
                                + " spam]");
    }

    @Test
    void aTestFractionOutsideZeroToOneIsNamed() throws IOException {
        assertThatThrownBy(
                        () ->
                                open(
                                        new TextFolderProvider(),
                                        folder(2),
                                        Map.of("test-fraction", "1")))
                .hasMessageContaining("option test-fraction is 1.0; expected a number between 0");
    }
}
