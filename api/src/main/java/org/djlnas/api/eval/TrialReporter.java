package org.djlnas.api.eval;

/**
 * Where an evaluator reports a trial's intermediate objective, and learns whether to stop it early.
 *
 * <p>An evaluator that trains in steps (epochs) calls {@link #report} after each step with the
 * objective so far, then {@link #shouldStop()}; when that returns true it ends the trial with
 * {@link TrialPrunedException}. Every report is journaled, whether or not the trial is stopped.
 */
public interface TrialReporter {

    /** A reporter that keeps nothing and never stops a trial. */
    TrialReporter NONE =
            new TrialReporter() {
                @Override
                public void report(double value, int step) {}

                @Override
                public boolean shouldStop() {
                    return false;
                }
            };

    /**
     * Reports the objective after a step.
     *
     * @param value the objective's value (greater is better)
     * @param step the step, from 1 (for training, the epochs done so far, counting those of the
     *     trial this one continues)
     */
    void report(double value, int step);

    /**
     * Tells whether the trial should stop now, judging by what it and other trials reported.
     *
     * @return true to stop the trial
     */
    boolean shouldStop();
}
