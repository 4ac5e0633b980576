package org.djlnas.api.eval;

import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.djlnas.api.trial.IntermediateValue;

/**
 * The objectives trials reported after each step, as scores (larger is better: minimised objectives
 * are negated, see {@link Direction#score}), and which trials have finished; what a {@link Pruner}
 * judges by. Safe to use from several threads.
 */
public final class ReportHistory {

    private final Map<Integer, TreeMap<Integer, Double>> valuesByTrial = new TreeMap<>();
    private final Set<Integer> finished = new HashSet<>();

    /**
     * Adds a report, replacing an earlier one of the same trial and step.
     *
     * @param report the report
     */
    public synchronized void add(IntermediateValue report) {
        valuesByTrial
                .computeIfAbsent(report.trial(), trial -> new TreeMap<>())
                .put(report.step(), report.value());
    }

    /**
     * Marks a trial as finished, so its reports count as settled evidence.
     *
     * @param trial the trial's number
     */
    public synchronized void finish(int trial) {
        finished.add(trial);
    }

    /**
     * Returns the best (largest) value a trial reported up to a step.
     *
     * @param trial the trial's number
     * @param step the last step to consider
     * @return the best value, or empty if it reported nothing up to that step
     */
    public synchronized OptionalDouble bestUpTo(int trial, int step) {
        TreeMap<Integer, Double> values = valuesByTrial.get(trial);
        if (values == null) {
            return OptionalDouble.empty();
        }
        return values.headMap(step, true).values().stream().mapToDouble(Double::doubleValue).max();
    }

    /**
     * Returns the values finished trials other than one reported at a step, in trial order.
     *
     * @param step the step
     * @param except the trial to leave out
     * @return the values
     */
    public synchronized double[] finishedValuesAt(int step, int except) {
        return valuesByTrial.entrySet().stream()
                .filter(e -> e.getKey() != except && finished.contains(e.getKey()))
                .map(e -> e.getValue().get(step))
                .filter(value -> value != null)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }
}
