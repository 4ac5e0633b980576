package org.djlnas.api.eval;

import java.io.IOException;
import java.io.InputStream;

/**
 * Contributes a built-in tabular benchmark under a kebab-case id: a CSV of architecture strings and
 * scores that ships inside a jar, so that a search can name it ({@code benchmark} = {@code
 * nas-bench-201-cifar10}) instead of a file. Found with {@code ServiceLoader}, like every other
 * plug-in.
 */
public interface BenchmarkTableProvider {

    /**
     * Returns the table's kebab-case id.
     *
     * @return the id
     */
    String id();

    /**
     * Returns the id of the space whose benchmark strings the table's rows hold.
     *
     * @return the space's id
     */
    String space();

    /**
     * Returns what the score column measures, for listings.
     *
     * @return the metric, in words
     */
    String metric();

    /**
     * Returns where the table comes from and under which licence, in one line.
     *
     * @return the source
     */
    String source();

    /**
     * Opens the table: UTF-8 text, one {@code architecture,score} row per line, an optional header
     * first.
     *
     * @return the table's bytes, uncompressed; the caller closes the stream
     * @throws IOException if the table cannot be read
     */
    InputStream open() throws IOException;
}
