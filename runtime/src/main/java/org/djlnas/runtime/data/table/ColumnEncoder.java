package org.djlnas.runtime.data.table;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.djlnas.api.data.encoding.RowEncoding;

/**
 * Learns how each input column is encoded, from the training rows only.
 *
 * <p>A column is <em>numeric</em> when at least {@value #NUMERIC_SHARE} of its non-missing training
 * values are numbers (a few stray words in a column of numbers are then reported as errors, naming
 * their line, rather than turning the column into categories); otherwise, or when the option {@code
 * categorical} names it, it is <em>categorical</em>. Numeric columns are standardised with the
 * training mean and standard deviation (1 if the column is constant); categorical columns are
 * one-hot over their training values, sorted, with {@value RowEncoding#MISSING_CATEGORY} last when
 * missing values are imputed and some training value was missing.
 */
final class ColumnEncoder {

    /** The share of numbers among a column's values that makes it numeric. */
    static final double NUMERIC_SHARE = 0.9;

    /** The most categories a categorical column may have. */
    static final int MAX_CATEGORIES = 1000;

    private ColumnEncoder() {}

    /**
     * Learns the encoding of the input columns.
     *
     * @param table the table
     * @param inputs the input columns' indices
     * @param trainRows the training rows' indices
     * @param options the options
     * @return the encoding
     */
    static RowEncoding learn(
            CsvTable table, List<Integer> inputs, int[] trainRows, TableOptions options) {
        List<RowEncoding.Column> columns = new ArrayList<>();
        for (int column : inputs) {
            String name = table.columns().get(column);
            columns.add(
                    !options.categorical().contains(name) && isNumeric(table, column, trainRows)
                            ? numeric(table, column, trainRows)
                            : categorical(table, column, trainRows, options.impute()));
        }
        return new RowEncoding(columns, options.impute());
    }

    private static boolean isNumeric(CsvTable table, int column, int[] trainRows) {
        int present = 0;
        int numbers = 0;
        for (int row : trainRows) {
            String value = table.rows().get(row)[column];
            if (!RowEncoding.isMissing(value)) {
                present++;
                numbers += RowEncoding.parseNumber(value).isPresent() ? 1 : 0;
            }
        }
        return present > 0 && numbers >= NUMERIC_SHARE * present;
    }

    private static RowEncoding.Numeric numeric(CsvTable table, int column, int[] trainRows) {
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int row : trainRows) {
            OptionalDouble value = RowEncoding.parseNumber(table.rows().get(row)[column]);
            if (value.isPresent()) {
                sum += value.getAsDouble();
                sumSquares += value.getAsDouble() * value.getAsDouble();
                count++;
            }
        }
        double mean = sum / count;
        double std = Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
        return new RowEncoding.Numeric(
                table.columns().get(column),
                mean,
                std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1);
    }

    private static RowEncoding.Categorical categorical(
            CsvTable table, int column, int[] trainRows, boolean impute) {
        TreeSet<String> values = new TreeSet<>();
        boolean missing = false;
        for (int row : trainRows) {
            String value = table.rows().get(row)[column];
            if (RowEncoding.isMissing(value)) {
                missing = true;
            } else {
                values.add(RowEncoding.categoryOf(value));
            }
        }
        String name = table.columns().get(column);
        if (values.size() > MAX_CATEGORIES) {
            throw new BadTableException(
                    "table '"
                            + table.file()
                            + "' column '"
                            + name
                            + "' has "
                            + values.size()
                            + " distinct text values in the training rows; expected at most "
                            + MAX_CATEGORIES
                            + " for a categorical column (ignore it with the option drop="
                            + name
                            + ")");
        }
        List<String> categories = new ArrayList<>(values);
        if (missing && impute) {
            categories.add(RowEncoding.MISSING_CATEGORY);
        }
        if (categories.isEmpty()) {
            categories.add(RowEncoding.MISSING_CATEGORY); // every training value missing
        }
        return new RowEncoding.Categorical(name, categories);
    }
}
