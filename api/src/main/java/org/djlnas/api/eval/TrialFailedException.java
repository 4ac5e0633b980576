package org.djlnas.api.eval;

/** Thrown by an evaluator when a trial cannot produce a result; the message says why. */
public class TrialFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the trial failed
     */
    public TrialFailedException(String message) {
        super(message);
    }
}
