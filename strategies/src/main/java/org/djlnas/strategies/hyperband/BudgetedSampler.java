package org.djlnas.strategies.hyperband;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.strategies.DistinctSampler;

/**
 * Draws architectures uniformly, each distinct from those already proposed at the same budget: the
 * random search's {@link DistinctSampler}, kept once per budget, all drawing from one random
 * source. The per-budget samplers are only looked up, never iterated, so their order cannot leak
 * into proposals.
 */
final class BudgetedSampler {

    private final SearchSpace space;
    private final SplittableRandom random;
    private final Map<Double, DistinctSampler> budgets = new HashMap<>();

    BudgetedSampler(SearchSpace space, SplittableRandom random) {
        this.space = space;
        this.random = random;
    }

    boolean isExhausted(double epochs) {
        return at(epochs).isExhausted();
    }

    boolean wasProposed(Architecture architecture, double epochs) {
        return at(epochs).wasProposed(architecture);
    }

    boolean record(Architecture architecture, double epochs) {
        return at(epochs).record(architecture);
    }

    Optional<Architecture> next(double epochs) {
        return at(epochs).next();
    }

    private DistinctSampler at(double epochs) {
        return budgets.computeIfAbsent(epochs, e -> new DistinctSampler(space, random));
    }
}
