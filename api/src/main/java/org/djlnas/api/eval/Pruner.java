package org.djlnas.api.eval;

/**
 * Decides whether a running trial should stop early, from the objectives it and other trials
 * reported after each step. Works with any strategy: the experiment asks it each time a trial
 * reports, and a stopped trial ends as {@code PRUNED} with the metrics it had.
 */
@FunctionalInterface
public interface Pruner {

    /** A pruner that never stops a trial. */
    Pruner NEVER = (trial, step, history) -> false;

    /**
     * Decides whether a trial should stop after a step it just reported.
     *
     * @param trial the trial's number
     * @param step the step it reported
     * @param history every report so far and which trials have finished
     * @return true to stop the trial
     */
    boolean shouldStop(int trial, int step, ReportHistory history);
}
