package org.djlnas.api.trial;

/** Where a trial is in its life. */
public enum TrialState {
    /** Proposed and journaled, not started. */
    PENDING,
    /** Being evaluated. */
    RUNNING,
    /** Evaluated; its metrics are final. */
    DONE,
    /** Evaluation failed; the error says why. */
    FAILED,
    /** Stopped early by a pruning rule; its metrics are the last reported. */
    PRUNED,
    /**
     * Broke a constraint; its metrics are those measured up to the check (for a constraint on a
     * metric that needs no training, the untrained network's, and it was never trained).
     */
    INFEASIBLE;

    /**
     * Tells whether the trial has ended and will not run again.
     *
     * @return true for done, failed, pruned and infeasible trials
     */
    public boolean isFinished() {
        return this == DONE || this == FAILED || this == PRUNED || this == INFEASIBLE;
    }
}
