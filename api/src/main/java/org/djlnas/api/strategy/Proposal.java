package org.djlnas.api.strategy;

import java.util.OptionalInt;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.trial.Budget;

/**
 * What a strategy asks to evaluate next.
 *
 * <p>A multi-fidelity strategy continues an earlier trial with {@link #continuing}: the new trial
 * trains the same architecture further, from the earlier trial's checkpoint where the evaluator
 * keeps one, up to a larger budget. Both trials stay in the journal, one per budget.
 *
 * @param architecture the architecture
 * @param budget how much to train it in total
 * @param continues the number of the earlier trial this one continues, if any
 */
public record Proposal(Architecture architecture, Budget budget, OptionalInt continues) {

    /**
     * Proposes a fresh trial.
     *
     * @param architecture the architecture
     * @param budget how much to train it
     */
    public Proposal(Architecture architecture, Budget budget) {
        this(architecture, budget, OptionalInt.empty());
    }

    /**
     * Proposes to continue a finished trial up to a larger budget.
     *
     * @param earlier the earlier trial's outcome
     * @param budget the new total budget; more epochs than the earlier trial's, same examples
     * @return the proposal
     * @throws IllegalArgumentException if the budget is not larger or caps the examples otherwise
     */
    public static Proposal continuing(TrialOutcome earlier, Budget budget) {
        Budget before = earlier.spec().budget();
        if (!(budget.epochs() > before.epochs())
                || budget.maxTrainExamples() != before.maxTrainExamples()) {
            throw new IllegalArgumentException(
                    "budget "
                            + budget
                            + " does not continue trial "
                            + earlier.spec().number()
                            + "'s budget "
                            + before
                            + "; expected more epochs on the same examples");
        }
        return new Proposal(
                earlier.spec().architecture(), budget, OptionalInt.of(earlier.spec().number()));
    }
}
