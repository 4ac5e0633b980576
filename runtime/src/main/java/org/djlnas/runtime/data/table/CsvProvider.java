package org.djlnas.runtime.data.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The {@code csv} data source: {@code csv:FILE} with the option {@code target=COLUMN}, a table with
 * a header line, for classification or regression of that column (see {@link TableSource}).
 */
public final class CsvProvider implements DataSourceProvider {

    /** The kind's id. */
    public static final String ID = "csv";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public CsvProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a table with a header line (CSV, TSV): numeric and categorical columns, one target"
                + " column for classification or regression";
    }

    @Override
    public List<SettingSpec> options() {
        return TableOptions.SPECS;
    }

    @Override
    public TableSource open(Optional<String> location, Settings options) {
        Path file =
                Path.of(
                        location.orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "data set 'csv' needs a file: csv:FILE")));
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("table '" + file + "' does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("table '" + file + "' is a folder; expected a file");
        }
        return new TableSource(file, TableOptions.of(options));
    }
}
