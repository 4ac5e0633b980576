package org.djlnas.strategies;

import java.util.Iterator;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;

/** Proposes every architecture of a finite space in enumeration order; outcomes change nothing. */
final class GridSearch implements Strategy {

    private final Iterator<Architecture> remaining;
    private final Budget budget;

    GridSearch(StrategyContext context) {
        if (!context.space().size().isFinite()) {
            throw new IllegalArgumentException(
                    "strategy '"
                            + GridSearchProvider.ID
                            + "' needs a finite space, but space '"
                            + context.space().id()
                            + "' is infinite (it has a continuous choice); use another strategy");
        }
        this.remaining = context.space().enumerate();
        this.budget = context.budget();
    }

    @Override
    public Optional<Proposal> ask() {
        return remaining.hasNext()
                ? Optional.of(new Proposal(remaining.next(), budget))
                : Optional.empty();
    }

    @Override
    public void tell(TrialOutcome outcome) {
        // The grid's order does not depend on outcomes.
    }
}
