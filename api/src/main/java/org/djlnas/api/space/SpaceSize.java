package org.djlnas.api.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The number of architectures in a space (or a part of one): exact, or infinite. */
public final class SpaceSize {

    /** The size of a space with a continuous choice on some path. */
    public static final SpaceSize INFINITE = new SpaceSize(null);

    /** The size of a space with no choices: exactly one architecture. */
    public static final SpaceSize ONE = new SpaceSize(BigInteger.ONE);

    private final @Nullable BigInteger count;

    private SpaceSize(@Nullable BigInteger count) {
        this.count = count;
    }

    /**
     * Creates an exact size.
     *
     * @param count the number of architectures, at least 0
     * @return the size
     */
    public static SpaceSize of(BigInteger count) {
        if (count.signum() < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + count);
        }
        return new SpaceSize(count);
    }

    /**
     * Creates an exact size.
     *
     * @param count the number of architectures, at least 0
     * @return the size
     */
    public static SpaceSize of(long count) {
        return of(BigInteger.valueOf(count));
    }

    /**
     * Tells whether the size is finite.
     *
     * @return true if finite
     */
    public boolean isFinite() {
        return count != null;
    }

    /**
     * Returns the exact number of architectures.
     *
     * @return the count
     * @throws IllegalStateException if the size is infinite
     */
    public BigInteger count() {
        if (count == null) {
            throw new IllegalStateException("the space is infinite (it has a continuous choice)");
        }
        return count;
    }

    /**
     * Returns the size of the union of two disjoint sets of architectures.
     *
     * @param other the other size
     * @return the sum
     */
    public SpaceSize plus(SpaceSize other) {
        return count == null || other.count == null ? INFINITE : of(count.add(other.count));
    }

    /**
     * Returns the size of the product of two independent sets of architectures.
     *
     * @param other the other size
     * @return the product
     */
    public SpaceSize times(SpaceSize other) {
        if (BigInteger.ZERO.equals(count) || BigInteger.ZERO.equals(other.count)) {
            return of(BigInteger.ZERO);
        }
        return count == null || other.count == null ? INFINITE : of(count.multiply(other.count));
    }

    /**
     * Formats the size for people: exact below a million, else in scientific notation (for example
     * {@code 1.08e18}); {@code infinite} when infinite.
     *
     * @return the text
     */
    public String toHumanString() {
        if (count == null) {
            return "infinite";
        }
        if (count.compareTo(BigInteger.valueOf(1_000_000)) < 0) {
            return count.toString();
        }
        BigDecimal rounded = new BigDecimal(count).round(new MathContext(3));
        int exponent = rounded.precision() - rounded.scale() - 1;
        return String.format(
                java.util.Locale.ROOT,
                "%.2fe%d",
                rounded.movePointLeft(exponent).doubleValue(),
                exponent);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SpaceSize other && Objects.equals(count, other.count);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(count);
    }

    /** Returns the exact count, or {@code infinite}. */
    @Override
    public String toString() {
        return count == null ? "infinite" : count.toString();
    }
}
