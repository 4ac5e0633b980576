package org.djlnas.api.eval;

import java.util.Map;

/** Thrown by an evaluator that stopped a trial early because its {@link TrialReporter} said so. */
public class TrialPrunedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Double> metrics;

    /**
     * Creates the exception.
     *
     * @param message why and when the trial stopped, for people
     * @param metrics the metrics measured when it stopped, including the objective
     */
    public TrialPrunedException(String message, Map<String, Double> metrics) {
        super(message);
        this.metrics = Map.copyOf(metrics);
    }

    /**
     * Returns the metrics measured when the trial stopped.
     *
     * @return the metrics
     */
    public Map<String, Double> metrics() {
        return metrics;
    }
}
