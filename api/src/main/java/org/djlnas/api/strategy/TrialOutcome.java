package org.djlnas.api.strategy;

import java.util.OptionalDouble;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * What a strategy is told about a finished trial.
 *
 * @param spec the trial that ran
 * @param state {@code DONE}, {@code FAILED} or {@code PRUNED}
 * @param objective the value to maximise, if the trial produced one
 */
public record TrialOutcome(TrialSpec spec, TrialState state, OptionalDouble objective) {}
