package org.djlnas.runtime.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalDouble;
import org.djlnas.api.eval.BenchmarkTableProvider;

/**
 * A tabular benchmark read from UTF-8 CSV text, a file or a built-in table: the first column is the
 * benchmark's architecture string, the second the score to maximise. A first line whose second
 * column is not a number is taken as a header. Further columns are ignored. The table keeps the
 * SHA-256 of the bytes it was read from, so that a journal can tell whether it changed.
 */
public final class TabularBenchmark {

    /** Lines longer than this are not table rows (a binary file read as text). */
    private static final int MAX_LINE_BYTES = 64 * 1024;

    private static final String EXPECTED = "expected a CSV file of 'architecture,score' lines";

    private final String source;
    private final String sha256;
    private final Map<String, Double> scores;

    private TabularBenchmark(String source, String sha256, Map<String, Double> scores) {
        this.source = source;
        this.sha256 = sha256;
        this.scores = scores;
    }

    /**
     * Reads a benchmark table from a file.
     *
     * @param file the CSV file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file (and the line) if it is missing, not a file,
     *     not UTF-8 text or has a malformed row
     */
    public static TabularBenchmark read(Path file) throws IOException {
        String name = "benchmark file " + file;
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(name + " is a directory; " + EXPECTED);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), name);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name + " does not exist; " + EXPECTED, e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(name + " cannot be read (permission denied)", e);
        }
    }

    /**
     * Reads a built-in benchmark table.
     *
     * @param table the table's provider
     * @return the table, whose {@linkplain #source() source} is the table's id
     * @throws IOException if the table cannot be read
     */
    public static TabularBenchmark read(BenchmarkTableProvider table) throws IOException {
        try (InputStream in = table.open()) {
            return read(in, table.id(), "built-in benchmark table '" + table.id() + "'");
        }
    }

    private static TabularBenchmark read(InputStream raw, String source, String name)
            throws IOException {
        MessageDigest digest = newSha256();
        Map<String, Double> scores = new HashMap<>();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        InputStream in = new DigestInputStream(raw, digest);
        byte[] buffer = new byte[64 * 1024];
        byte[] line = new byte[MAX_LINE_BYTES];
        int length = 0;
        int number = 1;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] != '\n') {
                    if (length == MAX_LINE_BYTES) {
                        throw new IllegalArgumentException(
                                name + " line " + number + " is longer than 64 KiB; " + EXPECTED);
                    }
                    line[length++] = buffer[i];
                    continue;
                }
                row(decode(line, length, utf8, name, number), number, name, scores);
                length = 0;
                number++;
            }
        }
        if (length > 0) {
            row(decode(line, length, utf8, name, number), number, name, scores);
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException(name + " has no rows; " + EXPECTED);
        }
        return new TabularBenchmark(
                source, HexFormat.of().formatHex(digest.digest()), Map.copyOf(scores));
    }

    private static String decode(
            byte[] line, int length, CharsetDecoder utf8, String name, int number) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    name + " line " + number + " is not UTF-8 text; " + EXPECTED, e);
        }
    }

    private static void row(String line, int number, String name, Map<String, Double> scores) {
        if (line.isBlank()) {
            return;
        }
        String where = name + " line " + number;
        String[] columns = line.split(",", -1);
        if (columns.length < 2) {
            throw new IllegalArgumentException(
                    where + ": expected 'architecture,score', found '" + line + "'");
        }
        String arch = unquote(columns[0]);
        double score;
        try {
            score = Double.parseDouble(unquote(columns[1]));
        } catch (NumberFormatException e) {
            if (number == 1) {
                return; // the header
            }
            throw new IllegalArgumentException(
                    where + ": score '" + columns[1] + "' is not a number", e);
        }
        if (scores.put(arch, score) != null) {
            throw new IllegalArgumentException(
                    where + ": architecture '" + arch + "' appears twice");
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
     * Returns where the table was read from: the file, or the id of a built-in table.
     *
     * @return the file or id
     */
    public String source() {
        return source;
    }

    /**
     * Returns the SHA-256 of the bytes the table was read from (of the CSV text, uncompressed).
     *
     * @return 64 lower-case hexadecimal digits
     */
    public String sha256() {
        return sha256;
    }
}
