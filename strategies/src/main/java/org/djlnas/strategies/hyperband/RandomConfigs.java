package org.djlnas.strategies.hyperband;

import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.strategy.TrialOutcome;

/** Hyperband's fresh configurations: drawn uniformly; outcomes change nothing. */
final class RandomConfigs implements ConfigSource {

    private final BudgetedSampler sampler;

    RandomConfigs(BudgetedSampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public Optional<Architecture> next(double epochs) {
        return sampler.next(epochs);
    }

    @Override
    public boolean isExhausted(double epochs) {
        return sampler.isExhausted(epochs);
    }

    @Override
    public void proposed(Architecture architecture, double epochs) {
        sampler.record(architecture, epochs);
    }

    @Override
    public void observe(TrialOutcome outcome) {
        // Uniform draws ignore outcomes.
    }
}
