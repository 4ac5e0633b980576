package org.djlnas.runtime.data.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.encoding.RowEncoding;

/**
 * Decides a table's task from its target column and gives every row's float label.
 *
 * <p>With {@code task=auto}, the target means classification when any of its values is not a
 * number, or when all are whole numbers with at most {@value #MAX_AUTO_CLASSES} distinct values and
 * at most one distinct value per {@value #ROWS_PER_CLASS} rows (so 0/1, or digits 0–9 in 1,797
 * rows); otherwise regression. Classes are the target's distinct values over all rows (the label
 * space, not a learnt statistic), sorted by number when all are numbers, else as text. A regression
 * target is standardised with its training mean and standard deviation.
 *
 * @param task the task
 * @param labels every row's label: class index, or standardised target
 */
record TargetColumn(Task task, float[] labels) {

    /** The most distinct whole numbers an automatically classified target may have. */
    static final int MAX_AUTO_CLASSES = 20;

    /** Rows per distinct value that an automatically classified target needs at least. */
    static final int ROWS_PER_CLASS = 20;

    /**
     * Reads the target column.
     *
     * @param table the table
     * @param column the target's index
     * @param trainRows the training rows
     * @param taskOption the option {@code task}
     * @return the task and labels
     * @throws BadTableException naming the line of a missing target or a text target of a
     *     regression, or a target with a single value
     */
    static TargetColumn read(CsvTable table, int column, int[] trainRows, String taskOption) {
        String name = table.columns().get(column);
        List<String> values = new ArrayList<>();
        for (int row = 0; row < table.rows().size(); row++) {
            String value = table.rows().get(row)[column];
            if (RowEncoding.isMissing(value)) {
                throw new BadTableException(
                        where(table, row, name)
                                + " (the target) has a missing value; expected a value in every"
                                + " row");
            }
            values.add(RowEncoding.categoryOf(value));
        }
        boolean classification =
                switch (taskOption) {
                    case TableOptions.CLASSIFICATION -> true;
                    case TableOptions.REGRESSION -> false;
                    default -> looksCategorical(values);
                };
        return classification
                ? classes(table, name, values)
                : regression(table, name, values, trainRows);
    }

    private static boolean looksCategorical(List<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values);
        for (String value : distinct) {
            OptionalDouble number = RowEncoding.parseNumber(value);
            if (number.isEmpty()) {
                return true;
            }
            if (number.getAsDouble() != Math.rint(number.getAsDouble())) {
                return false;
            }
        }
        return distinct.size() <= MAX_AUTO_CLASSES
                && (long) distinct.size() * ROWS_PER_CLASS <= values.size();
    }

    private static TargetColumn classes(CsvTable table, String name, List<String> values) {
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(values));
        boolean numbers = classes.stream().allMatch(c -> RowEncoding.parseNumber(c).isPresent());
        classes.sort(
                numbers
                        ? Comparator.comparingDouble(c -> RowEncoding.parseNumber(c).getAsDouble())
                        : Comparator.<String>naturalOrder());
        if (classes.size() < 2) {
            throw new BadTableException(
                    "table '"
                            + table.file()
                            + "' column '"
                            + name
                            + "' (the target) has a single class '"
                            + classes.get(0)
                            + "'; expected at least 2 classes");
        }
        Map<String, Integer> index = new HashMap<>();
        classes.forEach(c -> index.put(c, index.size()));
        float[] labels = new float[values.size()];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = index.get(values.get(row));
        }
        return new TargetColumn(new Task.Classification(classes), labels);
    }

    private static TargetColumn regression(
            CsvTable table, String name, List<String> values, int[] trainRows) {
        double[] numbers = new double[values.size()];
        for (int row = 0; row < numbers.length; row++) {
            int line = row;
            numbers[row] =
                    RowEncoding.parseNumber(values.get(row))
                            .orElseThrow(
                                    () ->
                                            new BadTableException(
                                                    where(table, line, name)
                                                            + " (the target) holds '"
                                                            + values.get(line)
                                                            + "'; expected a number for a"
                                                            + " regression"));
        }
        double sum = 0;
        double sumSquares = 0;
        for (int row : trainRows) {
            sum += numbers[row];
            sumSquares += numbers[row] * numbers[row];
        }
        double mean = sum / trainRows.length;
        double std = Math.sqrt(Math.max(0, sumSquares / trainRows.length - mean * mean));
        if (!(std > 1e-12 * Math.max(1, Math.abs(mean)))) {
            throw new BadTableException(
                    "table '"
                            + table.file()
                            + "' column '"
                            + name
                            + "' (the target) has a single value "
                            + values.get(trainRows[0])
                            + " in the training rows; expected values that vary");
        }
        float[] labels = new float[numbers.length];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = (float) ((numbers[row] - mean) / std);
        }
        return new TargetColumn(new Task.Regression(name, mean, std), labels);
    }

    /**
     * Names a cell for messages.
     *
     * @param table the table
     * @param row the row's index
     * @param column the column's name
     * @return {@code table 'FILE' line N, column 'NAME'}
     */
    static String where(CsvTable table, int row, String column) {
        return "table '"
                + table.file()
                + "' line "
                + table.lines()[row]
                + ", column '"
                + column
                + "'";
    }
}
