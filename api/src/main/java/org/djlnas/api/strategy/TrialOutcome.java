package org.djlnas.api.strategy;

import java.util.OptionalDouble;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * What a strategy is told about a finished trial.
 *
 * @param spec the trial that ran
 * @param state {@code DONE}, {@code FAILED} or {@code PRUNED}
 * @param objective the trial's score, if it produced one: its objective as a value to maximise
 *     (negated by {@link org.djlnas.api.eval.Direction#score} when the objective is minimised, such
 *     as an error), so that strategies always prefer larger values
 */
public record TrialOutcome(TrialSpec spec, TrialState state, OptionalDouble objective) {}
