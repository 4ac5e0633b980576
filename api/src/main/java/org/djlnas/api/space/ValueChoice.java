package org.djlnas.api.space;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A choice of a plain value: one of a list of categories (strings or numbers), an integer in a
 * range, or a floating-point number in a range, optionally on a log scale. Value choices have no
 * nested choices.
 */
public final class ValueChoice implements Choice {

    private enum Kind {
        CATEGORICAL,
        INTEGER_RANGE,
        FLOAT_RANGE,
        LOG_FLOAT_RANGE
    }

    private final String label;
    private final Kind kind;
    private final List<Object> categories;
    private final double low;
    private final double high;
    private final long min;
    private final long max;

    private ValueChoice(
            String label,
            Kind kind,
            List<Object> categories,
            double low,
            double high,
            long min,
            long max) {
        this.label = Labels.check(label);
        this.kind = kind;
        this.categories = categories;
        this.low = low;
        this.high = high;
        this.min = min;
        this.max = max;
    }

    /**
     * Creates a categorical choice over strings or numbers.
     *
     * @param label the label
     * @param categories the values, in canonical order, distinct
     * @return the choice
     */
    public static ValueChoice categorical(String label, List<?> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException(
                    "value choice '" + label + "' has no categories; expected at least one");
        }
        List<Object> canonical = new ArrayList<>();
        for (Object category : categories) {
            Object value = canonicalCategory(label, category);
            if (canonical.contains(value)) {
                throw new IllegalArgumentException(
                        "value choice '" + label + "': category '" + value + "' appears twice");
            }
            canonical.add(value);
        }
        return new ValueChoice(label, Kind.CATEGORICAL, List.copyOf(canonical), 0, 0, 0, 0);
    }

    /**
     * Creates a choice of an integer in {@code [min, max]}, both inclusive.
     *
     * @param label the label
     * @param min the smallest value
     * @param max the largest value
     * @return the choice
     */
    public static ValueChoice integerRange(String label, long min, long max) {
        if (min > max || countExceedsIntRange(min, max)) {
            throw new IllegalArgumentException(
                    "value choice '"
                            + label
                            + "': integer range ["
                            + min
                            + ", "
                            + max
                            + "] is empty or too large; expected min <= max and fewer than 2^31"
                            + " values");
        }
        return new ValueChoice(label, Kind.INTEGER_RANGE, List.of(), min, max, min, max);
    }

    /**
     * Creates a choice of a floating-point number in {@code [min, max]}.
     *
     * @param label the label
     * @param min the smallest value
     * @param max the largest value
     * @param logScale whether to sample uniformly on a log scale (needs {@code min > 0})
     * @return the choice
     */
    public static ValueChoice floatRange(String label, double min, double max, boolean logScale) {
        if (!(min < max) || !Double.isFinite(max - min)) {
            throw new IllegalArgumentException(
                    "value choice '"
                            + label
                            + "': float range ["
                            + min
                            + ", "
                            + max
                            + "] is invalid; expected finite min < max");
        }
        if (logScale && min <= 0) {
            throw new IllegalArgumentException(
                    "value choice '" + label + "': a log-scaled range needs min > 0, got " + min);
        }
        return new ValueChoice(
                label,
                logScale ? Kind.LOG_FLOAT_RANGE : Kind.FLOAT_RANGE,
                List.of(),
                min,
                max,
                0,
                0);
    }

    private static boolean countExceedsIntRange(long min, long max) {
        try {
            return Math.addExact(Math.subtractExact(max, min), 1) >= Integer.MAX_VALUE;
        } catch (ArithmeticException e) {
            return true;
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isContinuous() {
        return kind == Kind.FLOAT_RANGE || kind == Kind.LOG_FLOAT_RANGE;
    }

    @Override
    public List<Object> values() {
        switch (kind) {
            case CATEGORICAL:
                return categories;
            case INTEGER_RANGE:
                long first = min;
                int count = (int) (max - min + 1);
                return new AbstractList<>() {
                    @Override
                    public Object get(int index) {
                        if (index < 0 || index >= count) {
                            throw new IndexOutOfBoundsException(index);
                        }
                        return first + index;
                    }

                    @Override
                    public int size() {
                        return count;
                    }
                };
            default:
                throw new UnsupportedOperationException(
                        "value choice '" + label + "' is continuous and has no value list");
        }
    }

    @Override
    public Object sampleValue(RandomGenerator random) {
        switch (kind) {
            case CATEGORICAL:
                return categories.get(random.nextInt(categories.size()));
            case INTEGER_RANGE:
                return max == Long.MAX_VALUE
                        ? random.nextLong(min - 1, max) + 1
                        : random.nextLong(min, max + 1);
            case FLOAT_RANGE:
                return random.nextDouble(low, Math.nextUp(high));
            default:
                double drawn = Math.exp(random.nextDouble(Math.log(low), Math.log(high)));
                return Math.max(low, Math.min(high, drawn));
        }
    }

    @Override
    public List<Choice> children(Object value) {
        return List.of();
    }

    @Override
    public boolean hasChildren() {
        return false;
    }

    @Override
    public Object canonicalize(Object value) {
        switch (kind) {
            case CATEGORICAL:
                Object candidate =
                        value instanceof Number || value instanceof String
                                ? canonicalCategory(label, value)
                                : value;
                if (!categories.contains(candidate)) {
                    throw new IllegalArgumentException(
                            "'" + value + "' is not allowed; expected " + describeDomain());
                }
                return candidate;
            case INTEGER_RANGE:
                if (!(value instanceof Long || value instanceof Integer)
                        || ((Number) value).longValue() < min
                        || ((Number) value).longValue() > max) {
                    throw new IllegalArgumentException(
                            "'" + value + "' is not allowed; expected " + describeDomain());
                }
                return ((Number) value).longValue();
            default:
                if (!(value instanceof Number)
                        || ((Number) value).doubleValue() < low
                        || ((Number) value).doubleValue() > high) {
                    throw new IllegalArgumentException(
                            "'" + value + "' is not allowed; expected " + describeDomain());
                }
                return ((Number) value).doubleValue();
        }
    }

    @Override
    public String describeDomain() {
        switch (kind) {
            case CATEGORICAL:
                return "one of " + categories;
            case INTEGER_RANGE:
                return "an integer in [" + min + ", " + max + "]";
            case FLOAT_RANGE:
                return "a number in [" + low + ", " + high + "]";
            default:
                return "a number in [" + low + ", " + high + "] (log scale)";
        }
    }

    @Override
    public String toString() {
        return "ValueChoice[" + label + ": " + describeDomain() + "]";
    }

    private static Object canonicalCategory(String label, Object category) {
        if (category instanceof String || category instanceof Boolean) {
            return category;
        }
        if (category instanceof Long || category instanceof Integer || category instanceof Short) {
            return ((Number) category).longValue();
        }
        if (category instanceof Double || category instanceof Float) {
            return ((Number) category).doubleValue();
        }
        throw new IllegalArgumentException(
                "value choice '"
                        + label
                        + "': category '"
                        + category
                        + "' must be a string, a number or a boolean");
    }
}
