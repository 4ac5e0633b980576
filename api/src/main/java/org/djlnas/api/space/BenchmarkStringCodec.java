package org.djlnas.api.space;

import org.djlnas.api.arch.Architecture;

/**
 * Converts between a space's architectures and the architecture strings of a published tabular
 * benchmark, such as NAS-Bench-201's {@code |nor_conv_3x3~0|+|skip_connect~0|none~1|+|...|}.
 *
 * <p>A {@link SearchSpace} that corresponds to such a benchmark implements this interface, so tools
 * can accept and print benchmark strings without knowing the space's class.
 */
public interface BenchmarkStringCodec {

    /**
     * Parses a benchmark string into an architecture of this space.
     *
     * @param s the benchmark's architecture string
     * @return the architecture, valid in this space
     * @throws IllegalArgumentException naming what was expected if the string is malformed or names
     *     an unknown operation
     */
    Architecture fromBenchmarkString(String s);

    /**
     * Formats an architecture of this space as the benchmark's architecture string.
     *
     * @param a a valid architecture of this space
     * @return the benchmark string
     * @throws org.djlnas.api.arch.InvalidArchitectureException if the architecture does not fit
     *     this space
     */
    String toBenchmarkString(Architecture a);
}
