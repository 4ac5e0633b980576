package org.djlnas.examples.plugin;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SpaceSize;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialState;
import org.jspecify.annotations.Nullable;

/**
 * Seeded hill climbing over a space, in ask/tell form.
 *
 * <p>A climb starts from a random architecture. Each later ask proposes a mutation (one changed
 * choice) of the best architecture the climb has seen. An outcome with a higher objective becomes
 * the climb's best; any other outcome, failed trials included, is a miss, and after {@code
 * patience} misses in a row a new climb starts from a random architecture (when restarts are on).
 *
 * <p>No architecture is proposed twice. When {@value #DRAWS} mutations and then {@value #DRAWS}
 * random draws all hit proposed architectures, or a finite space has been proposed entirely, the
 * strategy has nothing left to propose. Its proposals depend only on its seed, its settings and the
 * outcomes told, so a resumed search replays them exactly.
 */
final class HillClimbing implements Strategy {

    static final int DRAWS = 100;

    private final SearchSpace space;
    private final Budget budget;
    private final int patience;
    private final boolean restart;
    private final SplittableRandom random;
    private final @Nullable BigInteger size;
    private final Set<Architecture> proposed = new HashSet<>();
    private @Nullable Architecture best;
    private double bestObjective;
    private int misses;

    HillClimbing(SearchSpace space, Budget budget, long seed, int patience, boolean restart) {
        this.space = space;
        this.budget = budget;
        this.patience = patience;
        this.restart = restart;
        this.random = new SplittableRandom(seed);
        SpaceSize spaceSize = space.size();
        this.size = spaceSize.isFinite() ? spaceSize.count() : null;
    }

    @Override
    public Optional<Proposal> ask() {
        if (size != null && BigInteger.valueOf(proposed.size()).compareTo(size) >= 0) {
            return Optional.empty();
        }
        if (best != null) {
            for (int i = 0; i < DRAWS; i++) {
                Architecture neighbour = space.mutate(best, random);
                if (proposed.add(neighbour)) {
                    return Optional.of(new Proposal(neighbour, budget));
                }
            }
        }
        for (int i = 0; i < DRAWS; i++) {
            Architecture start = space.sample(random);
            if (proposed.add(start)) {
                return Optional.of(new Proposal(start, budget));
            }
        }
        return Optional.empty();
    }

    @Override
    public void tell(TrialOutcome outcome) {
        boolean scored =
                outcome.state() == TrialState.DONE
                        && outcome.objective().isPresent()
                        && Double.isFinite(outcome.objective().getAsDouble());
        if (scored && (best == null || outcome.objective().getAsDouble() > bestObjective)) {
            best = outcome.spec().architecture();
            bestObjective = outcome.objective().getAsDouble();
            misses = 0;
            return;
        }
        misses++;
        if (restart && misses >= patience) {
            best = null;
            misses = 0;
        }
    }
}
