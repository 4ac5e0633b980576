package org.djlnas.runtime.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A tabular benchmark read from a CSV file: the first column is the benchmark's architecture
 * string, the second the score to maximise. A first line whose second column is not a number is
 * taken as a header. Further columns are ignored.
 */
public final class TabularBenchmark {

    private final Path file;
    private final Map<String, Double> scores;

    private TabularBenchmark(Path file, Map<String, Double> scores) {
        this.file = file;
        this.scores = scores;
    }

    /**
     * Reads a benchmark table.
     *
     * @param file the CSV file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the line if a row is malformed
     */
    public static TabularBenchmark read(Path file) throws IOException {
        Map<String, Double> scores = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split(",", -1);
                if (columns.length < 2) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + number
                                    + ": expected 'architecture,score', found '"
                                    + line
                                    + "'");
                }
                String arch = unquote(columns[0]);
                double score;
                try {
                    score = Double.parseDouble(unquote(columns[1]));
                } catch (NumberFormatException e) {
                    if (number == 1) {
                        continue;
                    }
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + number
                                    + ": score '"
                                    + columns[1]
                                    + "' is not a number",
                            e);
                }
                if (scores.put(arch, score) != null) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + number
                                    + ": architecture '"
                                    + arch
                                    + "' appears twice");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("benchmark file " + file + " does not exist", e);
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException(
                    "benchmark file " + file + " has no rows; expected 'architecture,score' lines");
        }
        return new TabularBenchmark(file, Map.copyOf(scores));
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * Looks up an architecture's score.
     *
     * @param benchmarkString the benchmark's architecture string
     * @return the score, if the table has the architecture
     */
    public OptionalDouble score(String benchmarkString) {
        Double score = scores.get(benchmarkString);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    /**
     * Returns the number of architectures in the table.
     *
     * @return the row count
     */
    public int size() {
        return scores.size();
    }

    /**
     * Returns the file the table was read from.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }
}
