package org.djlnas.spark;

import java.util.List;
import org.djlnas.api.exec.TrialResult;

/**
 * How a trial ended in an executor JVM, with the objectives it reported after each step, which the
 * driver journals when the task returns (a Spark task cannot report while it runs, so no pruner can
 * stop it).
 *
 * @param result the result
 * @param reports the reports, in the order made
 */
record TrialOutcome(TrialResult result, List<Report> reports) {

    TrialOutcome {
        reports = List.copyOf(reports);
    }

    /**
     * One intermediate objective.
     *
     * @param step the step (epoch) it was measured after
     * @param value the objective
     */
    record Report(int step, double value) {}
}
