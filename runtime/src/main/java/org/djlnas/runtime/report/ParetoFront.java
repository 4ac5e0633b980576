package org.djlnas.runtime.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.search.SearchObjective;
import org.djlnas.runtime.search.TrialFront;

/** Marks the done trials no other done trial beats on the objective and a cost. */
final class ParetoFront {

    private ParetoFront() {}

    /**
     * Marks the Pareto front ({@link TrialFront}) of the objective (in its direction) against a
     * cost (smaller is better). Trials that did not measure the cost are not on it.
     *
     * @param trials the trials
     * @param objective the search's objective
     * @param cost the cost metric
     * @return per trial, whether it is on the front
     */
    static boolean[] mark(List<TrialRecord> trials, SearchObjective objective, String cost) {
        Set<Integer> front = new HashSet<>();
        TrialFront.of(
                        trials,
                        List.of(
                                new Objective(objective.metric(), objective.direction()),
                                new Objective(cost, Direction.MINIMIZE)))
                .forEach(trial -> front.add(trial.number()));
        boolean[] marked = new boolean[trials.size()];
        for (int i = 0; i < marked.length; i++) {
            marked[i] = front.contains(trials.get(i).number());
        }
        return marked;
    }
}
