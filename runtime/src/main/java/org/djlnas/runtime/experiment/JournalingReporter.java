package org.djlnas.runtime.experiment;

import org.djlnas.api.eval.Pruner;
import org.djlnas.api.eval.ReportHistory;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.store.ExperimentStore;
import org.djlnas.api.trial.IntermediateValue;

/** Journals one trial's reports, adds them to the experiment's history and asks the pruner. */
final class JournalingReporter implements TrialReporter {

    private final int trial;
    private final ExperimentStore store;
    private final ReportHistory history;
    private final Pruner pruner;
    private int lastStep;

    JournalingReporter(int trial, ExperimentStore store, ReportHistory history, Pruner pruner) {
        this.trial = trial;
        this.store = store;
        this.history = history;
        this.pruner = pruner;
    }

    @Override
    public void report(double value, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step is " + step + "; expected at least 1");
        }
        store.recordReport(trial, step, value);
        history.add(new IntermediateValue(trial, step, value));
        lastStep = step;
    }

    @Override
    public boolean shouldStop() {
        return lastStep > 0 && pruner.shouldStop(trial, lastStep, history);
    }
}
