package org.djlnas.runtime.data.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The {@code text-folder:DIR} data set: one sub-folder per class, one document per file. The test
 * set is a folder of the same classes ({@code test-dir}) or a seeded fraction of the documents.
 */
public final class TextFolderProvider implements DataSourceProvider {

    /** The kind's id. */
    public static final String ID = "text-folder";

    static final String TEST_DIR = "test-dir";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public TextFolderProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "text documents in a folder with one sub-folder per class";
    }

    @Override
    public List<SettingSpec> options() {
        return TextOptions.with(
                List.of(
                        SettingSpec.string(
                                TEST_DIR,
                                "",
                                "folder of test documents with the same class sub-folders (else"
                                        + " test-fraction is held out)")));
    }

    @Override
    public DataSource open(Optional<String> location, Settings options) {
        Path folder =
                Path.of(
                        location.orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the text-folder data set needs a folder:"
                                                        + " text-folder:DIR")));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "text folder "
                            + folder
                            + " does not exist; expected a folder with one sub-folder per class");
        }
        String testDir = options.getString(TEST_DIR);
        Optional<Path> testFolder =
                testDir.isBlank() ? Optional.empty() : Optional.of(Path.of(testDir));
        if (testFolder.isPresent() && !Files.isDirectory(testFolder.get())) {
            throw new IllegalArgumentException(
                    "option "
                            + TEST_DIR
                            + " "
                            + testDir
                            + " does not exist; expected a folder with the same class"
                            + " sub-folders");
        }
        double testFraction = TextOptions.testFraction(options);
        long seed = options.getInt(TextOptions.SPLIT_SEED);
        String id = ID + ":" + folder;
        return new TextSource(
                id,
                () -> {
                    List<String> classes = TextFolder.classes(folder, "text folder");
                    if (classes.size() < 2) {
                        throw new IllegalArgumentException(
                                "text folder "
                                        + folder
                                        + " has one class "
                                        + classes
                                        + "; expected at least 2 class sub-folders");
                    }
                    List<Document> documents = TextFolder.read(folder, classes);
                    if (testFolder.isEmpty()) {
                        return TextCorpus.holdOut(
                                classes, documents, testFraction, seed, folder.toString());
                    }
                    List<String> testClasses = TextFolder.classes(testFolder.get(), TEST_DIR);
                    if (!testClasses.equals(classes)) {
                        throw new IllegalArgumentException(
                                "option "
                                        + TEST_DIR
                                        + " "
                                        + testFolder.get()
                                        + " has classes "
                                        + testClasses
                                        + "; expected the training folder's "
                                        + classes);
                    }
                    return new TextCorpus(
                            classes, documents, TextFolder.read(testFolder.get(), classes));
                },
                options);
    }
}
