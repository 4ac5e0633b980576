package org.djlnas.runtime.experiment;

import java.time.Duration;
import java.util.Optional;
import org.djlnas.api.trial.TrialRecord;

/**
 * An experiment's progress.
 *
 * @param finished trials finished so far, replayed ones included
 * @param total trials the experiment will run at most
 * @param best the best finished trial so far
 * @param elapsed time since this run of the experiment started
 * @param finishedThisRun trials finished in this run (not replayed), for time estimates
 */
public record Progress(
        int finished,
        int total,
        Optional<TrialRecord> best,
        Duration elapsed,
        int finishedThisRun) {

    /**
     * Estimates the time left from this run's pace.
     *
     * @return the estimate, if this run has finished a trial
     */
    public Optional<Duration> remaining() {
        if (finishedThisRun == 0) {
            return Optional.empty();
        }
        return Optional.of(elapsed.multipliedBy(total - finished).dividedBy(finishedThisRun));
    }
}
