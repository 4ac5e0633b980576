package org.djlnas.runtime.data.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.SplitIndices;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.encoding.RowEncoding;

/**
 * A table after encoding: every row's features and label, which rows are the training set and which
 * the test set, and what was learnt (on the training rows only) to encode them.
 *
 * @param encoding how rows are encoded
 * @param task the task
 * @param features every row's features
 * @param labels every row's label
 * @param trainRows the training rows, sorted
 * @param testRows the test rows, sorted
 * @param preprocessing what was learnt, as plain JSON values
 */
record EncodedTable(
        RowEncoding encoding,
        Task task,
        float[][] features,
        float[] labels,
        int[] trainRows,
        int[] testRows,
        Map<String, Object> preprocessing) {

    /**
     * Encodes a table: holds out the test rows (a seeded permutation), learns the column encoding
     * and the target's statistics on the other rows, and encodes every row.
     *
     * @param table the table
     * @param options the options
     * @return the encoded table
     * @throws BadTableException naming the file, line and column of what is wrong
     */
    static EncodedTable encode(CsvTable table, TableOptions options) {
        int target = column(table, options.target(), TableOptions.TARGET);
        List<Integer> inputs = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            inputs.add(c);
        }
        inputs.remove(Integer.valueOf(target));
        for (String name : options.drop()) {
            inputs.remove(Integer.valueOf(column(table, name, TableOptions.DROP)));
        }
        for (String name : options.categorical()) {
            column(table, name, TableOptions.CATEGORICAL);
        }
        if (inputs.isEmpty()) {
            throw new BadTableException(
                    "table '" + table.file() + "' has no input column besides the target");
        }
        if (table.rows().size() < 4) {
            throw new BadTableException(
                    "table '"
                            + table.file()
                            + "' has "
                            + table.rows().size()
                            + " rows; expected at least 4 (training, validation and test rows)");
        }
        SplitIndices split =
                new DataSplit(options.splitSeed(), options.testFraction(), 0)
                        .apply(table.rows().size(), 0);
        int[] trainRows = split.train();
        TargetColumn targetColumn = TargetColumn.read(table, target, trainRows, options.task());
        RowEncoding encoding = ColumnEncoder.learn(table, inputs, trainRows, options);
        float[][] features = new float[table.rows().size()][];
        for (int row = 0; row < features.length; row++) {
            features[row] = encodeRow(table, row, encoding);
        }
        return new EncodedTable(
                encoding,
                targetColumn.task(),
                features,
                targetColumn.labels(),
                trainRows,
                split.validation(),
                preprocessing(table, options, encoding, targetColumn.task(), split));
    }

    private static float[] encodeRow(CsvTable table, int row, RowEncoding encoding) {
        String[] fields = table.rows().get(row);
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < fields.length; c++) {
            values.put(table.columns().get(c), fields[c]);
        }
        try {
            return encoding.encode(values);
        } catch (IllegalArgumentException e) {
            throw new BadTableException(
                    "table '"
                            + table.file()
                            + "' line "
                            + table.lines()[row]
                            + ", "
                            + e.getMessage());
        }
    }

    private static int column(CsvTable table, String name, String option) {
        int index = table.indexOf(name);
        if (index < 0) {
            throw new BadTableException(
                    "table '"
                            + table.file()
                            + "' has no column '"
                            + name
                            + "' (option "
                            + option
                            + "); its columns are "
                            + String.join(", ", table.columns()));
        }
        return index;
    }

    private static Map<String, Object> preprocessing(
            CsvTable table,
            TableOptions options,
            RowEncoding encoding,
            Task task,
            SplitIndices split) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", options.target());
        if (task instanceof Task.Classification classification) {
            json.put("task", TableOptions.CLASSIFICATION);
            json.put("classes", classification.classNames());
        } else {
            Task.Regression regression = (Task.Regression) task;
            json.put("task", TableOptions.REGRESSION);
            json.put("targetMean", regression.mean());
            json.put("targetStd", regression.scale());
        }
        json.putAll(encoding.toJson());
        json.put("dropped", options.drop());
        json.put("delimiter", String.valueOf(table.delimiter()));
        json.put("testFraction", options.testFraction());
        json.put("splitSeed", options.splitSeed());
        json.put("trainingRows", split.train().length);
        json.put("testRows", split.validation().length);
        return json;
    }
}
