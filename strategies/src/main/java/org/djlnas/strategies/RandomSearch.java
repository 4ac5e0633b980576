package org.djlnas.strategies;

import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;

/** Proposes distinct architectures drawn uniformly at random; outcomes change nothing. */
final class RandomSearch implements Strategy {

    private final DistinctSampler sampler;
    private final Budget budget;

    RandomSearch(StrategyContext context) {
        this.sampler = new DistinctSampler(context.space(), new SplittableRandom(context.seed()));
        this.budget = context.budget();
    }

    @Override
    public Optional<Proposal> ask() {
        return sampler.next().map(architecture -> new Proposal(architecture, budget));
    }

    @Override
    public void tell(TrialOutcome outcome) {
        // Random search ignores outcomes.
    }
}
