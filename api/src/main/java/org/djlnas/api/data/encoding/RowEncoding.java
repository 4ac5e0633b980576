package org.djlnas.api.data.encoding;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a table row (column name → value) into the float features a network takes: each numeric
 * column standardised with its training mean and standard deviation, each categorical column
 * one-hot over the values seen in training.
 *
 * <p>Rules, the same for the data source and for a published model:
 *
 * <ul>
 *   <li>A value is <em>missing</em> when it is absent, {@code null}, blank, or one of {@code NA},
 *       {@code NaN}, {@code null} (any case). Without imputation a missing value is an error; with
 *       it, a missing number becomes the column's training mean (so it encodes as 0) and a missing
 *       category becomes the category {@value #MISSING_CATEGORY}.
 *   <li>A category never seen in training (including {@value #MISSING_CATEGORY} when no training
 *       value was missing) encodes as all zeros: the network sees "none of the known values".
 *   <li>A value of a numeric column that is not a number is an error naming the column.
 * </ul>
 *
 * <p>{@link #toJson()} and {@link #fromJson(Map)} carry the encoding as plain JSON values, inside a
 * data source's recorded preprocessing.
 */
public final class RowEncoding {

    /** The category a missing categorical value becomes when missing values are imputed. */
    public static final String MISSING_CATEGORY = "(missing)";

    private static final Set<String> MISSING_MARKERS = Set.of("", "na", "nan", "null");

    private final List<Column> columns;
    private final boolean impute;
    private final int width;

    /**
     * Creates an encoding.
     *
     * @param columns the input columns, in feature order
     * @param impute whether missing values are imputed (else they are an error)
     */
    public RowEncoding(List<Column> columns, boolean impute) {
        this.columns = List.copyOf(columns);
        this.impute = impute;
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a table encoding needs at least one column");
        }
        this.width = this.columns.stream().mapToInt(Column::width).sum();
    }

    /** One input column of a table and how it is encoded. */
    public sealed interface Column permits Numeric, Categorical {

        /**
         * Returns the column's name, as in the table's header.
         *
         * @return the name
         */
        String name();

        /**
         * Returns the number of features the column encodes to.
         *
         * @return 1 for a number, the number of categories for a category
         */
        int width();

        /**
         * Returns the names of the features the column encodes to.
         *
         * @return {@code name} for a number, {@code name=value} per category
         */
        List<String> featureNames();
    }

    /**
     * A numeric column, encoded as {@code (value − mean) / std}.
     *
     * @param name the column's name
     * @param mean the training mean
     * @param std the training standard deviation; 1 for a column with a single value
     */
    public record Numeric(String name, double mean, double std) implements Column {

        /** Checks the statistics. */
        public Numeric {
            requireNonNull(name, "name is null");
            if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
                throw new IllegalArgumentException(
                        "column '"
                                + name
                                + "' has mean "
                                + mean
                                + " and std "
                                + std
                                + "; expected a finite mean and a positive std");
            }
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public List<String> featureNames() {
            return List.of(name);
        }
    }

    /**
     * A categorical column, encoded one-hot.
     *
     * @param name the column's name
     * @param categories the values seen in training, in feature order
     */
    public record Categorical(String name, List<String> categories) implements Column {

        /** Copies the categories and checks there is one. */
        public Categorical {
            requireNonNull(name, "name is null");
            categories = List.copyOf(categories);
            if (categories.isEmpty()) {
                throw new IllegalArgumentException(
                        "column '" + name + "' has no categories; expected at least one");
            }
        }

        @Override
        public int width() {
            return categories.size();
        }

        @Override
        public List<String> featureNames() {
            return categories.stream().map(category -> name + "=" + category).toList();
        }
    }

    /**
     * Returns the input columns, in feature order.
     *
     * @return the columns
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * Returns whether missing values are imputed.
     *
     * @return true when they are, false when they are an error
     */
    public boolean imputes() {
        return impute;
    }

    /**
     * Returns the number of features a row encodes to.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * Returns the names of the encoded features, in order.
     *
     * @return the names, for example {@code age}, {@code colour=red}
     */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(width);
        columns.forEach(column -> names.addAll(column.featureNames()));
        return names;
    }

    /**
     * Encodes a row. Columns of the row that are not input columns (the target, dropped columns)
     * are ignored.
     *
     * @param row the row, column name → value (a {@link Number}, or text)
     * @return the features, {@link #width()} of them
     * @throws IllegalArgumentException naming the column when a value is missing (without
     *     imputation) or a numeric column's value is not a number
     */
    public float[] encode(Map<String, ?> row) {
        float[] features = new float[width];
        int offset = 0;
        for (Column column : columns) {
            Object value = row.get(column.name());
            if (column instanceof Numeric numeric) {
                features[offset] =
                        (float) ((number(numeric, value) - numeric.mean()) / numeric.std());
            } else {
                Categorical categorical = (Categorical) column;
                int index = categorical.categories().indexOf(category(categorical, value));
                if (index >= 0) {
                    features[offset + index] = 1;
                }
            }
            offset += column.width();
        }
        return features;
    }

    private double number(Numeric column, @Nullable Object value) {
        if (isMissing(value)) {
            checkImputed(column);
            return column.mean();
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        return parseNumber(value.toString())
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "column '"
                                                + column.name()
                                                + "' holds '"
                                                + value
                                                + "'; expected a number (the column is numeric)"));
    }

    private String category(Categorical column, @Nullable Object value) {
        if (isMissing(value)) {
            checkImputed(column);
            return MISSING_CATEGORY;
        }
        return categoryOf(value);
    }

    private void checkImputed(Column column) {
        if (!impute) {
            throw new IllegalArgumentException(
                    "column '"
                            + column.name()
                            + "' has a missing value; expected a value (or missing values"
                            + " imputed: impute=mean)");
        }
    }

    /**
     * Tells whether a value counts as missing: absent, blank, or {@code NA}, {@code NaN}, {@code
     * null} in any case.
     *
     * @param value the value
     * @return whether it is missing
     */
    public static boolean isMissing(@Nullable Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Number number) {
            return Double.isNaN(number.doubleValue());
        }
        return MISSING_MARKERS.contains(value.toString().trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Parses a table's text as a finite number, after trimming.
     *
     * @param text the text
     * @return the number, or empty if the text is not a finite number
     */
    public static OptionalDouble parseNumber(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return OptionalDouble.empty();
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        if (Character.isLetter(last)) {
            return OptionalDouble.empty(); // Java accepts "1d", "2f" and "Infinity"; tables do not
        }
        try {
            double value = Double.parseDouble(trimmed);
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Returns the category a non-missing value stands for: its trimmed text, and for a whole number
     * given as a {@link Number} its text without a fraction ({@code 3}, not {@code 3.0}).
     *
     * @param value the value
     * @return the category
     */
    public static String categoryOf(Object value) {
        if (value instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 1e15) {
            return Long.toString(number.longValue());
        }
        return value.toString().trim();
    }

    /**
     * Returns the encoding as plain JSON values: {@code {"impute": bool, "columns": [{"name",
     * "kind": "numeric", "mean", "std"} | {"name", "kind": "categorical", "categories"}]}}.
     *
     * @return the JSON values
     */
    public Map<String, Object> toJson() {
        List<Object> described = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", column.name());
            if (column instanceof Numeric numeric) {
                entry.put("kind", "numeric");
                entry.put("mean", numeric.mean());
                entry.put("std", numeric.std());
            } else {
                entry.put("kind", "categorical");
                entry.put("categories", ((Categorical) column).categories());
            }
            described.add(entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("impute", impute);
        json.put("columns", described);
        return json;
    }

    /**
     * Reads an encoding written by {@link #toJson()} (for example from a published model's {@code
     * data.json}).
     *
     * @param json the JSON values
     * @return the encoding
     * @throws IllegalArgumentException if a field is missing or of the wrong type
     */
    public static RowEncoding fromJson(Map<String, ?> json) {
        List<Column> columns = new ArrayList<>();
        for (Object entry : field(json, "columns", List.class)) {
            if (!(entry instanceof Map<?, ?> column)) {
                throw new IllegalArgumentException(
                        "table encoding: a column is " + entry + "; expected an object");
            }
            String name = field(column, "name", String.class);
            String kind = field(column, "kind", String.class);
            switch (kind) {
                case "numeric" ->
                        columns.add(
                                new Numeric(
                                        name,
                                        field(column, "mean", Number.class).doubleValue(),
                                        field(column, "std", Number.class).doubleValue()));
                case "categorical" ->
                        columns.add(
                                new Categorical(
                                        name,
                                        field(column, "categories", List.class).stream()
                                                .map(String::valueOf)
                                                .toList()));
                default ->
                        throw new IllegalArgumentException(
                                "table encoding: column '"
                                        + name
                                        + "' has kind '"
                                        + kind
                                        + "'; expected numeric or categorical");
            }
        }
        return new RowEncoding(columns, field(json, "impute", Boolean.class));
    }

    private static <T> T field(Map<?, ?> json, String name, Class<T> type) {
        Object value = json.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(
                    "table encoding: field '"
                            + name
                            + "' is "
                            + value
                            + "; expected a "
                            + type.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return type.cast(value);
    }
}
