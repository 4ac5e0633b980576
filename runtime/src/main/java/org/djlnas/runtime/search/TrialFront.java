package org.djlnas.runtime.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.eval.Pareto;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;

/**
 * The Pareto front of a search's trials: the done trials with a finite value of every objective
 * that no other such trial dominates ({@link Pareto}). Failed, pruned and infeasible trials are
 * never on it. With one objective it holds the best trials (all of them on a tie).
 */
public final class TrialFront {

    private TrialFront() {}

    /**
     * Returns the trials on the front.
     *
     * @param trials the trials, in any order
     * @param objectives the objectives, at least one
     * @return the trials on the front, in the order given
     * @throws IllegalArgumentException if there is no objective
     */
    public static List<TrialRecord> of(List<TrialRecord> trials, List<Objective> objectives) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("a front needs at least one objective");
        }
        List<TrialRecord> candidates = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (TrialRecord trial : trials) {
            double[] score = scores(trial, objectives);
            if (score.length > 0) {
                candidates.add(trial);
                scores.add(score);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        return Pareto.fronts(scores).get(0).stream().map(candidates::get).toList();
    }

    /** A done trial's score per objective, or none if it lacks a finite value of one. */
    private static double[] scores(TrialRecord trial, List<Objective> objectives) {
        if (trial.state() != TrialState.DONE) {
            return new double[0];
        }
        double[] scores = new double[objectives.size()];
        for (int i = 0; i < scores.length; i++) {
            OptionalDouble value = trial.metric(objectives.get(i).metric());
            if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
                return new double[0];
            }
            scores[i] = objectives.get(i).score(value.getAsDouble());
        }
        return scores;
    }
}
