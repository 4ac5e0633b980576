package org.djlnas.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.djlnas.api.eval.BenchmarkTableProvider;

/**
 * The built-in tabular benchmarks, found as a search finds them ({@code ServiceLoader}). A table
 * that is missing fails the test: it ships in a jar on the test class path, so its absence is a
 * regression, not a machine without data.
 */
public final class BenchmarkTables {

    /** The id of the NAS-Bench-201 CIFAR-10 table that the spaces module ships. */
    public static final String NAS_BENCH_201_CIFAR10 = "nas-bench-201-cifar10";

    private BenchmarkTables() {}

    /**
     * One row of a table.
     *
     * @param architecture the architecture string, as the table's space writes it
     * @param score the score
     */
    public record Row(String architecture, double score) {}

    /**
     * Finds a built-in table by id.
     *
     * @param id the table's id
     * @return its provider
     * @throws AssertionError naming the tables found if none has this id
     */
    public static BenchmarkTableProvider find(String id) {
        List<String> found = new ArrayList<>();
        for (BenchmarkTableProvider provider : ServiceLoader.load(BenchmarkTableProvider.class)) {
            if (provider.id().equals(id)) {
                return provider;
            }
            found.add(provider.id());
        }
        throw new AssertionError(
                "no built-in benchmark table '" + id + "' on the test class path; found " + found);
    }

    /**
     * Reads a built-in table's rows, without its header.
     *
     * @param id the table's id
     * @return the rows, in the table's order
     */
    public static List<Row> rows(String id) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(find(id).open(), StandardCharsets.UTF_8))) {
            boolean first = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comma = line.lastIndexOf(',');
                String score = line.substring(comma + 1).trim();
                if (first && !isNumber(score)) {
                    first = false;
                    continue; // the header
                }
                first = false;
                rows.add(new Row(line.substring(0, comma), Double.parseDouble(score)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark table '" + id + "'", e);
        }
        return rows;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
