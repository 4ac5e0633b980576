package org.djlnas.runtime.experiment;

import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;

/** Receives an experiment's progress events, on the experiment's thread. */
public interface ExperimentListener {

    /**
     * Called once before the first trial, after the journal was read.
     *
     * @param kept finished trials found in the journal, which will not run again
     * @param rerun interrupted trials found in the journal, which will run again
     */
    default void onStart(int kept, int rerun) {}

    /**
     * Called when a trial starts running.
     *
     * @param trial the trial
     */
    default void onTrialStarted(TrialSpec trial) {}

    /**
     * Called when a trial ends, after its result is journaled.
     *
     * @param trial the trial as journaled
     * @param progress the experiment's progress, this trial included
     */
    default void onTrialFinished(TrialRecord trial, Progress progress) {}
}
