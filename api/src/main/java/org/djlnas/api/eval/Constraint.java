package org.djlnas.api.eval;

import static java.util.Objects.requireNonNull;

/**
 * A bound a trial's metric must keep to be feasible, written {@code METRIC<=LIMIT} or {@code
 * METRIC>=LIMIT}, for example {@code params<=200000} or {@code accuracy>=0.8}; the metric's name is
 * made canonical by {@link Metrics#canonical}.
 *
 * @param metric the metric's canonical name, as journaled
 * @param bound whether the metric may be at most or at least the limit
 * @param limit the limit, a finite number
 */
public record Constraint(String metric, Bound bound, double limit) {

    /** Which side of the limit is feasible. */
    public enum Bound {
        /** The metric must be at most the limit. */
        AT_MOST("<="),
        /** The metric must be at least the limit. */
        AT_LEAST(">=");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        /**
         * Returns how the bound is written.
         *
         * @return {@code <=} or {@code >=}
         */
        public String symbol() {
            return symbol;
        }
    }

    /** Checks the fields. */
    public Constraint {
        requireNonNull(metric, "metric is null");
        requireNonNull(bound, "bound is null");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("a constraint's metric is empty");
        }
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException(
                    "constraint on '"
                            + metric
                            + "': the limit is "
                            + limit
                            + "; expected a number");
        }
    }

    /**
     * Reads a constraint written {@code METRIC<=LIMIT} or {@code METRIC>=LIMIT}.
     *
     * @param text the constraint
     * @return the constraint, its metric made canonical
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Constraint parse(String text) {
        for (Bound bound : Bound.values()) {
            int at = text.indexOf(bound.symbol());
            if (at > 0) {
                String metric = text.substring(0, at).trim();
                String limit = text.substring(at + 2).trim();
                double value;
                try {
                    value = Double.parseDouble(limit);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "constraint '" + text + "': the limit '" + limit + "' is not a number");
                }
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(
                            "constraint '" + text + "': the limit '" + limit + "' is not finite");
                }
                return new Constraint(Metrics.canonical(metric), bound, value);
            }
        }
        throw new IllegalArgumentException(
                "constraint '" + text + "': expected METRIC<=LIMIT or METRIC>=LIMIT");
    }

    /**
     * Tells whether a value keeps this constraint.
     *
     * @param value the metric's value
     * @return whether it is feasible
     */
    public boolean admits(double value) {
        return bound == Bound.AT_MOST ? value <= limit : value >= limit;
    }

    /**
     * Writes the constraint as {@link #parse} reads it.
     *
     * @return {@code METRIC<=LIMIT} or {@code METRIC>=LIMIT}
     */
    @Override
    public String toString() {
        String number =
                limit == Math.rint(limit) && Math.abs(limit) < 1e15
                        ? Long.toString((long) limit)
                        : Double.toString(limit);
        return metric + bound.symbol() + number;
    }
}
