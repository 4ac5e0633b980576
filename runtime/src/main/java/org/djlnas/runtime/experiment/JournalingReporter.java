package org.djlnas.runtime.experiment;

import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Pruner;
import org.djlnas.api.eval.ReportHistory;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.store.ExperimentStore;
import org.djlnas.api.trial.IntermediateValue;

/**
 * Journals one trial's reports as they are, adds them to the experiment's history as scores (larger
 * is better, whatever the objective's direction) and asks the pruner.
 */
final class JournalingReporter implements TrialReporter {

    private final int trial;
    private final ExperimentStore store;
    private final ReportHistory history;
    private final Pruner pruner;
    private final Direction direction;
    private int lastStep;

    JournalingReporter(
            int trial,
            ExperimentStore store,
            ReportHistory history,
            Pruner pruner,
            Direction direction) {
        this.trial = trial;
        this.store = store;
        this.history = history;
        this.pruner = pruner;
        this.direction = direction;
    }

    @Override
    public void report(double value, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step is " + step + "; expected at least 1");
        }
        store.recordReport(trial, step, value);
        history.add(new IntermediateValue(trial, step, direction.score(value)));
        lastStep = step;
    }

    @Override
    public boolean shouldStop() {
        return lastStep > 0 && pruner.shouldStop(trial, lastStep, history);
    }
}
