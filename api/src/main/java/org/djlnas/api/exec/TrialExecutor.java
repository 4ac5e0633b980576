package org.djlnas.api.exec;

import java.util.concurrent.CompletableFuture;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.trial.TrialSpec;

/**
 * Runs trials, up to {@link #parallelism()} at once. An executor never lets an evaluator's
 * exception or error escape: every submitted trial completes with a {@link TrialResult}, failed
 * ones with the reason.
 */
public interface TrialExecutor extends AutoCloseable {

    /**
     * Returns how many trials may run at once.
     *
     * @return the parallelism
     */
    int parallelism();

    /**
     * Starts evaluating a trial.
     *
     * @param trial the trial
     * @param evaluator what evaluates it
     * @param reporter where the evaluator reports intermediate objectives
     * @return the result, completed when the trial ends
     */
    CompletableFuture<TrialResult> submit(
            TrialSpec trial, Evaluator evaluator, TrialReporter reporter);

    /** Stops accepting trials and releases the executor's threads. */
    @Override
    void close();
}
