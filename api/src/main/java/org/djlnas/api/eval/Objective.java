package org.djlnas.api.eval;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One thing a search optimises: a metric an evaluator reports and whether larger or smaller is
 * better. Written {@code METRIC:max} or {@code METRIC:min}, for example {@code accuracy:max} or
 * {@code latency-ms:min}; the metric's name is made canonical by {@link Metrics#canonical}.
 *
 * @param metric the metric's canonical name, as journaled
 * @param direction whether it is maximised or minimised
 */
public record Objective(String metric, Direction direction) {

    /** Checks the fields. */
    public Objective {
        requireNonNull(metric, "metric is null");
        requireNonNull(direction, "direction is null");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("an objective's metric is empty");
        }
    }

    /**
     * Reads an objective written {@code METRIC:max} or {@code METRIC:min}.
     *
     * @param text the objective
     * @return the objective, its metric made canonical
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Objective parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "objective '" + text + "': expected METRIC:max or METRIC:min");
        }
        String metric = text.substring(0, colon).trim();
        String direction = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        return switch (direction) {
            case "max" -> new Objective(Metrics.canonical(metric), Direction.MAXIMIZE);
            case "min" -> new Objective(Metrics.canonical(metric), Direction.MINIMIZE);
            default ->
                    throw new IllegalArgumentException(
                            "objective '"
                                    + text
                                    + "': the direction is '"
                                    + text.substring(colon + 1)
                                    + "'; expected max or min");
        };
    }

    /**
     * Turns this objective's value into a score that is larger when better.
     *
     * @param value the metric's value
     * @return the score
     */
    public double score(double value) {
        return direction.score(value);
    }

    /**
     * Writes the objective as {@link #parse} reads it.
     *
     * @return {@code METRIC:max} or {@code METRIC:min}
     */
    @Override
    public String toString() {
        return metric + (direction == Direction.MAXIMIZE ? ":max" : ":min");
    }
}
