package org.djlnas.api.eval;

import java.util.Map;
import org.djlnas.api.trial.TrialSpec;

/**
 * Scores an architecture under a budget. Implementations must be safe to call from several threads
 * at once (one trial per call).
 */
public interface Evaluator {

    /**
     * Returns the name of the metric strategies maximise (for example {@code accuracy}).
     *
     * @return the objective metric's name
     */
    String objective();

    /**
     * Evaluates one trial.
     *
     * @param trial the trial
     * @return the metrics, including the objective
     * @throws TrialFailedException if the trial cannot produce a result (NaN loss, bad architecture
     *     for the data); other exceptions also fail the trial
     * @throws Exception on I/O or engine errors
     */
    Map<String, Double> evaluate(TrialSpec trial) throws Exception;
}
