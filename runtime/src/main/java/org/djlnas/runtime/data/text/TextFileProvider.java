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
 * The {@code text:FILE} data set: a CSV or TSV file with a column of texts and a column of classes.
 * A seeded fraction of the rows is the test set.
 */
public final class TextFileProvider implements DataSourceProvider {

    /** The kind's id. */
    public static final String ID = "text";

    static final String TEXT = "text";
    static final String LABEL = "label";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public TextFileProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "texts in a CSV or TSV file (.tsv), one column of texts and one of classes";
    }

    @Override
    public List<SettingSpec> options() {
        return TextOptions.with(
                List.of(
                        SettingSpec.string(TEXT, "text", "column of the texts"),
                        SettingSpec.string(LABEL, "label", "column of the classes")));
    }

    @Override
    public DataSource open(Optional<String> location, Settings options) {
        Path file =
                Path.of(
                        location.orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the text data set needs a file: text:FILE")));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "text file " + file + " does not exist; expected a CSV or TSV file");
        }
        double testFraction = TextOptions.testFraction(options);
        String textColumn = options.getString(TEXT);
        String labelColumn = options.getString(LABEL);
        if (textColumn.equals(labelColumn)) {
            throw new IllegalArgumentException(
                    "options text and label both name column '"
                            + textColumn
                            + "'; expected two columns");
        }
        long seed = options.getInt(TextOptions.SPLIT_SEED);
        return new TextSource(
                ID + ":" + file,
                () -> {
                    TextTable.Labelled all = TextTable.read(file, textColumn, labelColumn);
                    return TextCorpus.holdOut(
                            all.classNames(), all.documents(), testFraction, seed, file.toString());
                },
                options);
    }
}
