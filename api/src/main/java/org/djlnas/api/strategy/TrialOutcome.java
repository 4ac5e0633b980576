package org.djlnas.api.strategy;

import java.util.List;
import java.util.OptionalDouble;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * What a strategy is told about a finished trial.
 *
 * @param spec the trial that ran
 * @param state {@code DONE}, {@code FAILED}, {@code PRUNED} or {@code INFEASIBLE}
 * @param objective the trial's score, if it produced one: its (first) objective as a value to
 *     maximise (negated by {@link org.djlnas.api.eval.Direction#score} when the objective is
 *     minimised, such as an error), so that strategies always prefer larger values
 * @param scores the scores of all the experiment's objectives, in the order they were given, each
 *     larger when better; empty unless the trial produced every one (the first equals {@code
 *     objective})
 */
public record TrialOutcome(
        TrialSpec spec, TrialState state, OptionalDouble objective, List<Double> scores) {

    /** Copies the scores. */
    public TrialOutcome {
        scores = List.copyOf(scores);
    }

    /**
     * Creates the outcome of a single-objective trial: its scores are its objective's alone.
     *
     * @param spec the trial that ran
     * @param state how it ended
     * @param objective its score, if it produced one
     */
    public TrialOutcome(TrialSpec spec, TrialState state, OptionalDouble objective) {
        this(
                spec,
                state,
                objective,
                objective.isPresent() ? List.of(objective.getAsDouble()) : List.of());
    }
}
