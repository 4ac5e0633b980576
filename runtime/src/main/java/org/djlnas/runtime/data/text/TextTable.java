package org.djlnas.runtime.data.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (or a TSV file, by its {@code .tsv} or {@code .tab} extension) whose first row
 * names the columns, with Apache Commons CSV: one document per row, its text in one column and its
 * class in another. The classes are the label column's distinct values, sorted. The file is decoded
 * as UTF-8 with invalid bytes replaced by U+FFFD, as documents of a text folder are.
 */
final class TextTable {

    private TextTable() {}

    /**
     * Reads the documents of a file.
     *
     * @param file the CSV or TSV file
     * @param textColumn the column of the texts
     * @param labelColumn the column of the classes
     * @return the class names and every document, in file order
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file, row and column of bad input
     */
    static Labelled read(Path file, String textColumn, String labelColumn) throws IOException {
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(isTabSeparated(file) ? '\t' : ',')
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get();
        List<String[]> rows = new ArrayList<>();
        try (Reader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        Files.newInputStream(file), StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> columns = parser.getHeaderNames();
            for (String column : List.of(textColumn, labelColumn)) {
                if (!columns.contains(column)) {
                    String option = column.equals(textColumn) ? "text" : "label";
                    throw new IllegalArgumentException(
                            file
                                    + ": no column '"
                                    + column
                                    + "' (option "
                                    + option
                                    + "); the columns are "
                                    + columns);
                }
            }
            for (CSVRecord record : parser) {
                String where = file + " row " + record.getRecordNumber();
                rows.add(
                        new String[] {
                            value(record, textColumn, where),
                            value(record, labelColumn, where).strip()
                        });
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(
                    file + ": not a well-formed CSV file: " + e.getCause().getMessage(), e);
        }
        TreeSet<String> classes = new TreeSet<>();
        rows.forEach(row -> classes.add(row[1]));
        if (classes.size() < 2) {
            throw new IllegalArgumentException(
                    file
                            + ": column '"
                            + labelColumn
                            + "' holds "
                            + classes.size()
                            + " class(es) "
                            + classes
                            + "; expected at least 2");
        }
        List<String> classNames = List.copyOf(classes);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            documents.add(
                    new Document(
                            rows.get(i)[0],
                            classNames.indexOf(rows.get(i)[1]),
                            file + " row " + (i + 1)));
        }
        return new Labelled(classNames, documents);
    }

    private static String value(CSVRecord record, String column, String where) {
        if (!record.isSet(column)) {
            throw new IllegalArgumentException(
                    where
                            + ": has "
                            + record.size()
                            + " values; expected a value in column '"
                            + column
                            + "'");
        }
        String value = record.get(column);
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    where + ": column '" + column + "' is empty; expected a text");
        }
        return value;
    }

    private static boolean isTabSeparated(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tab");
    }

    /**
     * Documents with the class names their labels index.
     *
     * @param classNames the classes, sorted
     * @param documents the documents
     */
    record Labelled(List<String> classNames, List<Document> documents) {}
}
