package org.djlnas.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The small tables Debian's {@code python3-sklearn} package installs, rewritten as plain CSV files
 * with a header line, for tests and benchmarks of the {@code csv} data source.
 *
 * <p>The package's files are not plain tables, so each is converted:
 *
 * <ul>
 *   <li>{@code breast_cancer.csv}, {@code wine_data.csv}, {@code iris.csv}: the first line holds
 *       the number of rows, the number of features and then the class names; every other line is
 *       the features and the class index. Written as columns {@code x1 … xF} and {@code class}
 *       holding the class <em>name</em> (so the target is text).
 *   <li>{@code digits.csv.gz}: no header; 64 pixel counts (0–16) of an 8×8 image, then the digit.
 *       Written as {@code p1 … p64} and {@code digit} (whole numbers 0–9).
 *   <li>{@code diabetes_data_raw.csv.gz} (space-separated age, sex, bmi, bp and six blood serum
 *       measurements, unscaled) and {@code diabetes_target.csv.gz} (disease progression after one
 *       year, one number a line). Written as {@code age, sex, bmi, bp, s1 … s6, progression}.
 * </ul>
 */
public final class SklearnTables {

    /** Where Debian's {@code python3-sklearn} keeps the tables. */
    public static final Path DIRECTORY =
            Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data");

    private SklearnTables() {}

    /** The tables, with the column to predict. */
    public enum Table {
        /** Breast cancer Wisconsin (diagnostic): 569 rows, 30 features, malignant or benign. */
        BREAST_CANCER("breast-cancer", "class"),
        /** Wine recognition: 178 rows, 13 features, 3 cultivars. */
        WINE("wine", "class"),
        /** Iris: 150 rows, 4 features, 3 species. */
        IRIS("iris", "class"),
        /** Optical digits, 8×8: 1,797 rows, 64 features, digits 0–9. */
        DIGITS("digits", "digit"),
        /** Diabetes: 442 rows, 10 features, a regression of disease progression. */
        DIABETES("diabetes", "progression");

        private final String id;
        private final String target;

        Table(String id, String target) {
            this.id = id;
            this.target = target;
        }

        /**
         * Returns the table's short name, also the written file's name without {@code .csv}.
         *
         * @return the name, for example {@code breast-cancer}
         */
        public String id() {
            return id;
        }

        /**
         * Returns the column to predict.
         *
         * @return the target column's name
         */
        public String target() {
            return target;
        }
    }

    /** Requires the package's tables: skips the test if they are missing, or fails it on CI. */
    public static void require() {
        DataRequirements.require(
                "python3-sklearn's data sets", DIRECTORY, System.getenv(DataRequirements.CI));
    }

    /**
     * Writes a table as a plain CSV file.
     *
     * @param table the table
     * @param folder where to write it
     * @return the file, {@code folder/ID.csv}
     * @throws IOException if a file cannot be read or written
     */
    public static Path write(Table table, Path folder) throws IOException {
        List<String> lines =
                switch (table) {
                    case BREAST_CANCER -> counted("breast_cancer.csv");
                    case WINE -> counted("wine_data.csv");
                    case IRIS -> counted("iris.csv");
                    case DIGITS -> digits();
                    case DIABETES -> diabetes();
                };
        Path file = folder.resolve(table.id() + ".csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> counted(String name) throws IOException {
        List<String> raw = read(name);
        String[] header = raw.get(0).split(",");
        int features = Integer.parseInt(header[1].trim());
        List<String> lines = new ArrayList<>();
        lines.add(columns("x", features) + ",class");
        for (String line : raw.subList(1, raw.size())) {
            int split = line.lastIndexOf(',');
            int label = Integer.parseInt(line.substring(split + 1).trim());
            lines.add(line.substring(0, split) + "," + header[2 + label].trim());
        }
        return lines;
    }

    private static List<String> digits() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(columns("p", 64) + ",digit");
        for (String line : read("digits.csv.gz")) {
            String[] fields = line.split(",");
            StringBuilder row = new StringBuilder();
            for (String field : fields) {
                row.append(row.length() == 0 ? "" : ",")
                        .append((int) Double.parseDouble(field.trim()));
            }
            lines.add(row.toString());
        }
        return lines;
    }

    private static List<String> diabetes() throws IOException {
        List<String> data = read("diabetes_data_raw.csv.gz");
        List<String> target = read("diabetes_target.csv.gz");
        if (data.size() != target.size()) {
            throw new IOException(
                    "diabetes: " + data.size() + " rows of data but " + target.size() + " targets");
        }
        List<String> lines = new ArrayList<>();
        lines.add("age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,progression");
        for (int i = 0; i < data.size(); i++) {
            lines.add(
                    String.join(",", data.get(i).trim().split("\\s+"))
                            + ","
                            + Double.parseDouble(target.get(i).trim()));
        }
        return lines;
    }

    private static String columns(String prefix, int count) {
        StringBuilder names = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            names.append(i == 1 ? "" : ",").append(prefix).append(i);
        }
        return names.toString();
    }

    private static List<String> read(String name) throws IOException {
        Path file = DIRECTORY.resolve(name);
        try (InputStream in = Files.newInputStream(file);
                InputStream data = name.endsWith(".gz") ? new GZIPInputStream(in) : in;
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
