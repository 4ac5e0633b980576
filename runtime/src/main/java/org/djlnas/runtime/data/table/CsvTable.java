package org.djlnas.runtime.data.table;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table as read from a delimited text file: a header line of column names, then rows of text
 * fields, each with the line it starts on. Parsed with Apache Commons CSV (RFC 4180 quoting); every
 * row must have as many fields as the header.
 *
 * @param file the file
 * @param delimiter the field delimiter
 * @param columns the column names, from the header
 * @param rows the rows' fields
 * @param lines the line (1-based) each row starts on
 */
record CsvTable(Path file, char delimiter, List<String> columns, List<String[]> rows, int[] lines) {

    /**
     * Reads a table.
     *
     * @param file the file
     * @param delimiter the delimiter, or empty to choose one from the file's extension ({@code
     *     .tsv}, {@code .tab}: tab) or else from its header line (the most frequent of comma,
     *     semicolon and tab)
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws BadTableException if the file is empty, has no rows, a bad header or a ragged row
     */
    static CsvTable read(Path file, String delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadTableException(
                    "table '"
                            + file
                            + "' is empty; expected a header line of column names and rows");
        }
        char separator = delimiter.isEmpty() ? detect(file, text) : delimiter.charAt(0);
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setDelimiter(separator)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .get();
        List<String> columns = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser = CSVParser.parse(reader, format)) {
            long line = 1;
            for (CSVRecord record : parser) {
                if (columns.isEmpty()) {
                    columns.addAll(header(file, record, separator));
                } else if (record.size() != columns.size()) {
                    throw new BadTableException(
                            "table '"
                                    + file
                                    + "' line "
                                    + line
                                    + ": "
                                    + record.size()
                                    + " fields; expected "
                                    + columns.size()
                                    + " as in the header (a ragged row)");
                } else {
                    rows.add(record.values());
                    lines.add((int) line);
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (java.io.UncheckedIOException e) {
            throw new BadTableException(
                    "table '" + file + "' cannot be parsed: " + e.getCause().getMessage());
        }
        if (rows.isEmpty()) {
            throw new BadTableException(
                    "table '" + file + "' has a header but no rows; expected rows of data");
        }
        return new CsvTable(
                file,
                separator,
                List.copyOf(columns),
                rows,
                lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String> header(Path file, CSVRecord record, char separator) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            if (name.isEmpty()) {
                throw new BadTableException(
                        "table '"
                                + file
                                + "' line 1: column "
                                + (i + 1)
                                + " has no name; expected a header line of column names"
                                + " separated by '"
                                + describe(separator)
                                + "'");
            }
            if (!seen.add(name)) {
                throw new BadTableException(
                        "table '"
                                + file
                                + "' line 1: column '"
                                + name
                                + "' appears twice; expected distinct column names");
            }
            names.add(name);
        }
        return names;
    }

    private static char detect(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return '\t';
        }
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = first.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Names a delimiter for people.
     *
     * @param delimiter the delimiter
     * @return {@code tab}, or the character
     */
    static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    /**
     * Returns a column's position.
     *
     * @param name the column's name
     * @return its index, or -1
     */
    int indexOf(String name) {
        return columns.indexOf(name);
    }
}
