package org.djlnas.runtime.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.search.SearchObjective;

/** Marks the finished trials no other finished trial beats on the objective and every cost. */
final class ParetoFront {

    private ParetoFront() {}

    /**
     * Marks the Pareto front of the objective (in its direction) against the costs (smaller is
     * better) that finished trials measured. Without any such cost, no trial is marked.
     *
     * @param trials the trials
     * @param objective the objective's metric
     * @param costs the cost metrics to consider
     * @return per trial, whether it is on the front
     */
    static boolean[] mark(
            List<TrialRecord> trials, SearchObjective searchObjective, List<String> costs) {
        String objective = searchObjective.metric();
        boolean[] front = new boolean[trials.size()];
        List<String> measured = new ArrayList<>();
        for (String cost : costs) {
            if (trials.stream().anyMatch(t -> done(t, objective) && t.metric(cost).isPresent())) {
                measured.add(cost);
            }
        }
        if (measured.isEmpty()) {
            return front;
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord trial = trials.get(i);
            if (done(trial, objective)
                    && measured.stream().allMatch(c -> trial.metric(c).isPresent())) {
                double[] point = new double[measured.size() + 2];
                point[0] = i;
                point[1] = searchObjective.direction().score(trial.metric(objective).getAsDouble());
                for (int c = 0; c < measured.size(); c++) {
                    point[c + 2] = trial.metric(measured.get(c)).getAsDouble();
                }
                points.add(point);
            }
        }
        // Best objective first: a point can only be dominated by one before it, and whatever
        // dominates it is dominated by (or is) a point already on the front.
        points.sort(
                Comparator.<double[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[0]));
        List<double[]> kept = new ArrayList<>();
        for (double[] point : points) {
            if (kept.stream().noneMatch(k -> dominates(k, point))) {
                kept.add(point);
                front[(int) point[0]] = true;
            }
        }
        return front;
    }

    private static boolean done(TrialRecord trial, String objective) {
        return trial.state() == TrialState.DONE && trial.metric(objective).isPresent();
    }

    /** Whether a is at least as good as b everywhere and better somewhere (index 0 is the row). */
    private static boolean dominates(double[] a, double[] b) {
        boolean better = a[1] > b[1];
        if (a[1] < b[1]) {
            return false;
        }
        for (int c = 2; c < a.length; c++) {
            if (a[c] > b[c]) {
                return false;
            }
            better |= a[c] < b[c];
        }
        return better;
    }
}
