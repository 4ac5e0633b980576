package org.djlnas.api.eval;

import java.util.Map;

/**
 * Thrown by an evaluator for a trial that breaks one of the experiment's constraints; the trial is
 * journaled {@link org.djlnas.api.trial.TrialState#INFEASIBLE} with the metrics measured so far.
 */
public class TrialInfeasibleException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Double> metrics;

    /**
     * Creates the exception.
     *
     * @param message which constraint the trial broke and by how much, for people
     * @param metrics the metrics measured before the check
     */
    public TrialInfeasibleException(String message, Map<String, Double> metrics) {
        super(message);
        this.metrics = Map.copyOf(metrics);
    }

    /**
     * Returns the metrics measured before the check.
     *
     * @return the metrics
     */
    public Map<String, Double> metrics() {
        return metrics;
    }
}
