package org.djlnas.runtime.zerocost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;

class PrefilterTest {

    private static final Budget BUDGET = new Budget(1, 0);

    private final List<Architecture> architectures = architectures(12);
    private final Map<Architecture, Double> scores = new HashMap<>();

    private static List<Architecture> architectures(int count) {
        NasBench201Provider provider = new NasBench201Provider();
        SearchSpace space =
                provider.create(
                        Settings.resolve("space", provider.settings(), Map.of()),
                        OpRegistry.discover());
        SplittableRandom random = new SplittableRandom(5);
        List<Architecture> list = new ArrayList<>();
        while (list.size() < count) {
            Architecture next = space.sample(random);
            if (!list.contains(next)) {
                list.add(next);
            }
        }
        return list;
    }

    /** Proposes the architectures in order and records what it is told. */
    private final class Listing implements Strategy {
        final List<TrialOutcome> told = new ArrayList<>();
        int next;

        @Override
        public Optional<Proposal> ask() {
            return next < architectures.size()
                    ? Optional.of(new Proposal(architectures.get(next++), BUDGET))
                    : Optional.empty();
        }

        @Override
        public void tell(TrialOutcome outcome) {
            told.add(outcome);
        }
    }

    private Prefilter prefilter(Strategy inner, int candidates) {
        return new Prefilter(
                inner,
                (architecture, seed) -> {
                    Double score = scores.get(architecture);
                    if (score == null) {
                        throw new TrialFailedException("no score");
                    }
                    return score;
                },
                candidates,
                9);
    }

    private static TrialOutcome done(int number, Proposal proposal, double objective) {
        return new TrialOutcome(
                new TrialSpec(number, proposal.architecture(), proposal.budget(), 1),
                TrialState.DONE,
                OptionalDouble.of(objective));
    }

    @Test
    void proposesTheBestScoredOfEachGroupAndTellsTheOthersInTheStrategysOrder() {
        for (int i = 0; i < architectures.size(); i++) {
            scores.put(architectures.get(i), (double) ((i * 7) % 5)); // 0 2 4 1 3 0 2 4 1 3 0 2
        }
        scores.remove(architectures.get(8)); // cannot be scored: ranks last
        Listing inner = new Listing();
        Prefilter prefilter = prefilter(inner, 3);

        Proposal first = prefilter.ask().orElseThrow(); // of 0, 1, 2: scores 0, 2, 4
        Proposal second = prefilter.ask().orElseThrow(); // of 3, 4, 5: scores 1, 3, 0
        assertThat(first.architecture()).isEqualTo(architectures.get(2));
        assertThat(second.architecture()).isEqualTo(architectures.get(4));
        // Candidates 1 and 2 were rejected before trial 1 (candidate 3) ended: they wait for it.
        assertThat(inner.told).extracting(o -> o.spec().number()).containsExactly(1, 2);

        prefilter.tell(done(1, first, 0.5));
        prefilter.tell(done(2, second, 0.7));
        assertThat(inner.told).extracting(o -> o.spec().number()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(inner.told.get(2).state()).isEqualTo(TrialState.DONE);
        assertThat(inner.told.get(2).spec().architecture()).isEqualTo(architectures.get(2));
        assertThat(inner.told.get(2).objective()).hasValue(0.5);
        assertThat(inner.told.get(0).state()).isEqualTo(TrialState.INFEASIBLE);
        assertThat(inner.told.get(0).objective()).isEmpty();

        Proposal third = prefilter.ask().orElseThrow(); // of 6, 7, 8: 2, 4, unscorable
        assertThat(third.architecture()).isEqualTo(architectures.get(7));
    }

    @Test
    void theSameSeedAndScoresProposeTheSameTrials() {
        SplittableRandom random = new SplittableRandom(3);
        architectures.forEach(a -> scores.put(a, random.nextDouble()));
        List<Architecture> once = proposals(prefilter(new Listing(), 4));
        List<Architecture> again = proposals(prefilter(new Listing(), 4));
        assertThat(once).hasSize(3).isEqualTo(again);
    }

    private static List<Architecture> proposals(Prefilter prefilter) {
        List<Architecture> list = new ArrayList<>();
        int number = 0;
        for (Optional<Proposal> next = prefilter.ask(); next.isPresent(); next = prefilter.ask()) {
            list.add(next.get().architecture());
            prefilter.tell(done(++number, next.get(), number));
        }
        return list;
    }

    @Test
    void fewerThanOneCandidateIsRefused() {
        assertThatThrownBy(() -> prefilter(new Listing(), 0))
                .hasMessage("`prefilterCandidates` is 0; expected at least 1");
    }
}
