package org.djlnas.runtime.search;

import java.io.IOException;
import java.util.OptionalDouble;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.trial.TrialRecord;

/** The evaluator of a search, and how the search's best trial gets a test accuracy. */
interface SearchEvaluator {

    /**
     * Returns the evaluator trials run with.
     *
     * @return the evaluator
     */
    Evaluator evaluator();

    /**
     * Measures the best trial on held-out test data, where the evaluator has any.
     *
     * @param best the best trial
     * @return its test accuracy, or empty
     * @throws IOException if data or weights cannot be read
     */
    OptionalDouble testAccuracy(TrialRecord best) throws IOException;
}
