package org.djlnas.runtime.data.table;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The options of the {@code csv} data source, checked.
 *
 * @param target the column to predict
 * @param task {@code auto}, {@code classification} or {@code regression}
 * @param impute whether missing values are imputed ({@code impute=mean})
 * @param testFraction the fraction of rows held out as the test set, in (0, 1)
 * @param splitSeed the seed of the test rows' permutation
 * @param delimiter the field delimiter, or empty to detect it
 * @param drop the columns to ignore (ids, leaks)
 * @param categorical the columns to treat as categories even when their values are numbers
 */
record TableOptions(
        String target,
        String task,
        boolean impute,
        double testFraction,
        long splitSeed,
        String delimiter,
        List<String> drop,
        List<String> categorical) {

    static final String TARGET = "target";
    static final String TASK = "task";
    static final String IMPUTE = "impute";
    static final String TEST_FRACTION = "test-fraction";
    static final String SPLIT_SEED = "split-seed";
    static final String DELIMITER = "delimiter";
    static final String DROP = "drop";
    static final String CATEGORICAL = "categorical";

    static final String AUTO = "auto";
    static final String CLASSIFICATION = "classification";
    static final String REGRESSION = "regression";

    /** The options' declarations. */
    static final List<SettingSpec> SPECS =
            List.of(
                    SettingSpec.string(TARGET, "", "the column to predict (required)"),
                    SettingSpec.string(
                            TASK,
                            AUTO,
                            "auto, classification or regression; auto: a text target, or whole"
                                    + " numbers with at most 20 distinct values and at most one per"
                                    + " 20 rows, mean classification"),
                    SettingSpec.string(
                            IMPUTE,
                            "none",
                            "none (a missing value is an error) or mean (a missing number becomes"
                                    + " the training mean, a missing category '(missing)')"),
                    SettingSpec.number(
                            TEST_FRACTION,
                            0.2,
                            Double.MIN_VALUE,
                            "fraction of rows held out as the test set, in (0, 1)"),
                    SettingSpec.integer(
                            SPLIT_SEED, 0, 0, "seed of the permutation that picks the test rows"),
                    SettingSpec.string(
                            DELIMITER,
                            AUTO,
                            "auto (tab for .tsv, else the most frequent of , ; tab in the header),"
                                    + " comma, semicolon, tab, or one character"),
                    SettingSpec.string(DROP, "", "comma-separated columns to ignore (ids, leaks)"),
                    SettingSpec.string(
                            CATEGORICAL,
                            "",
                            "comma-separated columns of numbers to one-hot as categories"));

    /**
     * Reads and checks the options.
     *
     * @param options the resolved options
     * @return the checked options
     * @throws IllegalArgumentException naming the bad option
     */
    static TableOptions of(Settings options) {
        String target = options.getString(TARGET).trim();
        if (target.isEmpty()) {
            throw new IllegalArgumentException(
                    "option '"
                            + TARGET
                            + "' is missing; expected the name of the column to predict");
        }
        String task = options.getString(TASK).trim().toLowerCase(Locale.ROOT);
        if (!List.of(AUTO, CLASSIFICATION, REGRESSION).contains(task)) {
            throw bad(TASK, options.getString(TASK), "auto, classification or regression");
        }
        String impute = options.getString(IMPUTE).trim().toLowerCase(Locale.ROOT);
        if (!List.of("none", "mean").contains(impute)) {
            throw bad(IMPUTE, options.getString(IMPUTE), "none or mean");
        }
        double testFraction = options.getDouble(TEST_FRACTION);
        if (!(testFraction < 1)) {
            throw bad(TEST_FRACTION, String.valueOf(testFraction), "a number in (0, 1)");
        }
        List<String> drop = columns(options.getString(DROP));
        if (drop.contains(target)) {
            throw bad(
                    DROP,
                    options.getString(DROP),
                    "columns other than the target '" + target + "'");
        }
        return new TableOptions(
                target,
                task,
                impute.equals("mean"),
                testFraction,
                options.getInt(SPLIT_SEED),
                delimiter(options.getString(DELIMITER)),
                drop,
                columns(options.getString(CATEGORICAL)));
    }

    private static String delimiter(String given) {
        String text = given.toLowerCase(Locale.ROOT).trim();
        switch (text) {
            case AUTO:
                return "";
            case "comma":
            case ",":
                return ",";
            case "semicolon":
            case ";":
                return ";";
            case "tab":
            case "\\t":
                return "\t";
            default:
                if (given.length() == 1 && given.charAt(0) != '"' && given.charAt(0) != '\n') {
                    return given;
                }
                throw bad(DELIMITER, given, "auto, comma, semicolon, tab or one character");
        }
    }

    private static List<String> columns(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static IllegalArgumentException bad(String option, String value, String expected) {
        return new IllegalArgumentException(
                "option '" + option + "' is '" + value + "'; expected " + expected);
    }
}
