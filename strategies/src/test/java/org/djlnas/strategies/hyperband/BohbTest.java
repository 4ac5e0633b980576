package org.djlnas.strategies.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.strategies.RandomSearchProvider;
import org.junit.jupiter.api.Test;

class BohbTest {

    private static final Map<String, String> SINGLE_RUNG =
            Map.of("min-epochs", "2.5", "max-epochs", "2.5");

    private final BohbProvider provider = new BohbProvider();
    private final SearchSpace nb201 = HyperbandFixtures.nasBench201();

    private static HyperbandFixtures.Evaluation someFail() {
        return (n, p) ->
                n % 9 == 4
                        ? HyperbandFixtures.outcome(n, p, TrialState.FAILED, OptionalDouble.empty())
                        : HyperbandFixtures.done(n, p, HyperbandFixtures.hashScore(p));
    }

    private static Architecture conditional(String stem, long width, List<String> layers) {
        Map<String, Object> values = new java.util.TreeMap<>();
        values.put("stem", stem);
        values.put("width", width);
        values.put("stack", (long) layers.size());
        for (int i = 0; i < layers.size(); i++) {
            values.put("stack/" + i + "/op", layers.get(i));
        }
        return Architecture.of(values);
    }

    private static TrialOutcome observed(int number, Architecture architecture, double objective) {
        return new TrialOutcome(
                new TrialSpec(number, architecture, new Budget(1, 1000), number),
                TrialState.DONE,
                OptionalDouble.of(objective));
    }

    /**
     * Six good trials share stem {@code conv} and a stack of one layer; the 24 others use the other
     * stems and depths. The density ratio must rank every architecture higher with stem {@code
     * conv} than without, and put a one-layer {@code conv} architecture on top.
     */
    @Test
    void theDensityRatioPrefersWhatTheGoodTrialsShare() {
        SearchSpace space = HyperbandFixtures.conditional();
        String[] ops = {"a", "b", "c"};
        List<TrialOutcome> observations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            observations.add(
                    observed(
                            i + 1,
                            conditional("conv", 16L << (i % 2), List.of(ops[i % 3])),
                            100 + i));
        }
        for (int j = 0; j < 24; j++) {
            List<String> layers = new ArrayList<>();
            for (int l = 0; l <= j % 3; l++) {
                layers.add(ops[(j / 3 + l) % 3]);
            }
            String stem = j % 2 == 0 ? "pool" : "skip";
            observations.add(observed(7 + j, conditional(stem, 16L << (j / 2 % 2), layers), j));
        }
        BohbSettings settings = new BohbSettings(0.2, 0, 3, 64, 3, 1e-3);
        DensityRatioModel model =
                DensityRatioModel.fit(new LabelIndex(space.choices()), settings, observations);

        List<Architecture> all = new ArrayList<>();
        space.enumerate().forEachRemaining(all::add);
        Architecture best = all.get(0);
        for (Architecture architecture : all) {
            if (model.logRatio(architecture) > model.logRatio(best)) {
                best = architecture;
            }
            if (!architecture.getString("stem").equals("conv")) {
                Architecture withConv = architecture.with("stem", "conv");
                assertThat(model.logRatio(withConv)).isGreaterThan(model.logRatio(architecture));
            }
        }
        assertThat(best.getString("stem")).isEqualTo("conv");
        assertThat(best.getLong("stack")).isEqualTo(1);

        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20; i++) {
            Architecture proposed = model.propose(random, a -> true).orElseThrow();
            assertThat(space.validate(proposed)).isEqualTo(proposed);
            assertThat(proposed.getString("stem")).isEqualTo("conv");
        }
    }

    @Test
    void theModelComesFromTheLargestBudgetWithEnoughObservations() {
        SearchSpace space = HyperbandFixtures.conditional();
        BohbSettings settings = new BohbSettings(0.2, 0, 3, 64, 3, 1e-3);
        BohbConfigs configs =
                new BohbConfigs(
                        new BudgetedSampler(space, new SplittableRandom(1)),
                        new SplittableRandom(2),
                        new LabelIndex(space.choices()),
                        settings);
        SplittableRandom draws = new SplittableRandom(3);
        int number = 0;
        for (double epochs : new double[] {1, 3, 9}) {
            String goodStem = epochs == 1 ? "pool" : epochs == 3 ? "conv" : "skip";
            int count = epochs == 9 ? settings.minPoints() + 1 : 30;
            for (int i = 0; i < count; i++) {
                Architecture architecture = space.sample(draws);
                double objective = architecture.getString("stem").equals(goodStem) ? 100 + i : i;
                number++;
                configs.observe(
                        new TrialOutcome(
                                new TrialSpec(
                                        number, architecture, new Budget(epochs, 1000), number),
                                TrialState.DONE,
                                OptionalDouble.of(objective)));
            }
        }
        int conv = 0;
        for (int i = 0; i < 20; i++) {
            if (configs.next(1).orElseThrow().getString("stem").equals("conv")) {
                conv++;
            }
        }
        assertThat(conv).isGreaterThanOrEqualTo(15);
    }

    @Test
    void untilABudgetHasEnoughObservationsBohbDrawsAsRandomSearch() {
        Strategy bohb = HyperbandFixtures.create(provider, nb201, 4, SINGLE_RUNG);
        Strategy random = HyperbandFixtures.create(new RandomSearchProvider(), nb201, 4, Map.of());
        int minPointsPlusTwo = 6 + 1 + 2;
        for (int n = 1; n <= minPointsPlusTwo; n++) {
            Proposal proposal = bohb.ask().orElseThrow();
            assertThat(proposal.architecture())
                    .isEqualTo(random.ask().orElseThrow().architecture());
            bohb.tell(HyperbandFixtures.done(n, proposal, HyperbandFixtures.hashScore(proposal)));
        }
    }

    @Test
    void withRandomFractionOneBohbIsHyperband() {
        Map<String, String> settings = Map.of("random-fraction", "1");
        List<Proposal> bohb =
                new HyperbandFixtures.Experiment(
                                HyperbandFixtures.create(provider, nb201, 5, settings),
                                2,
                                someFail())
                        .run(60)
                        .proposals();
        List<Proposal> hyperband =
                new HyperbandFixtures.Experiment(
                                HyperbandFixtures.create(
                                        new HyperbandProvider(), nb201, 5, Map.of()),
                                2,
                                someFail())
                        .run(60)
                        .proposals();
        assertThat(bohb).isEqualTo(hyperband);
    }

    @Test
    void aSingleRungNeverProposesAnArchitectureTwiceOrWaits() {
        Strategy strategy = HyperbandFixtures.create(provider, nb201, 6, SINGLE_RUNG);
        List<Architecture> asked = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            Proposal proposal = strategy.ask().orElseThrow();
            assertThat(strategy.awaitsOutcomes()).isFalse();
            assertThat(proposal.budget()).isEqualTo(new Budget(2.5, 1000));
            asked.add(proposal.architecture());
            strategy.tell(someFail().evaluate(n, proposal));
        }
        assertThat(asked).doesNotHaveDuplicates();
    }

    @Test
    void aTinySpaceIsExhaustedAndThenTheStrategyEnds() {
        Strategy strategy =
                HyperbandFixtures.create(
                        provider,
                        HyperbandFixtures.tiny(),
                        7,
                        Map.of("min-epochs", "1", "max-epochs", "1", "min-points-in-model", "1"));
        List<Architecture> asked = new ArrayList<>();
        for (var p = strategy.ask(); p.isPresent(); p = strategy.ask()) {
            asked.add(p.get().architecture());
            strategy.tell(
                    HyperbandFixtures.done(
                            asked.size(), p.get(), HyperbandFixtures.hashScore(p.get())));
        }
        assertThat(asked).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void proposalsAreValidOnConditionalAndContinuousSpaces() {
        for (SearchSpace space :
                List.of(HyperbandFixtures.conditional(), HyperbandFixtures.continuous())) {
            Strategy strategy =
                    HyperbandFixtures.create(
                            provider, space, 8, Map.of("min-epochs", "1", "max-epochs", "3"));
            List<Proposal> proposals =
                    new HyperbandFixtures.Experiment(strategy, 2, someFail()).run(150).proposals();
            for (Proposal proposal : proposals) {
                assertThat(space.validate(proposal.architecture()))
                        .isEqualTo(proposal.architecture());
            }
        }
    }

    @Test
    void theSameSeedAndOutcomesGiveTheSameProposalsAndAReplayToo() {
        Map<String, String> settings = Map.of("min-epochs", "1", "max-epochs", "9");
        HyperbandFixtures.Experiment original =
                new HyperbandFixtures.Experiment(
                                HyperbandFixtures.create(provider, nb201, 9, settings),
                                3,
                                someFail())
                        .run(120);
        HyperbandFixtures.Experiment again =
                new HyperbandFixtures.Experiment(
                                HyperbandFixtures.create(provider, nb201, 9, settings),
                                3,
                                someFail())
                        .run(120);
        HyperbandFixtures.Experiment other =
                new HyperbandFixtures.Experiment(
                                HyperbandFixtures.create(provider, nb201, 10, settings),
                                3,
                                someFail())
                        .run(120);
        assertThat(again.proposals()).isEqualTo(original.proposals());
        assertThat(other.proposals()).isNotEqualTo(original.proposals());
        assertThat(
                        HyperbandFixtures.replay(
                                HyperbandFixtures.create(provider, nb201, 9, settings), original))
                .isEqualTo(original.proposals());
    }

    /**
     * An additive objective over the six edges of NAS-Bench-201, which a per-choice density model
     * can learn: BOHB's mean best of 60 over 20 seeds beats random search's.
     */
    @Test
    void onAnAdditiveObjectiveBohbBeatsRandomSearch() {
        double bohb = 0;
        double random = 0;
        for (long seed = 0; seed < 20; seed++) {
            bohb += bestOf(HyperbandFixtures.create(provider, nb201, seed, SINGLE_RUNG), 60);
            random +=
                    bestOf(
                            HyperbandFixtures.create(
                                    new RandomSearchProvider(), nb201, seed, Map.of()),
                            60);
        }
        assertThat(bohb / 20).isGreaterThan(random / 20);
    }

    private static double additive(Architecture architecture) {
        double sum = 0;
        for (Map.Entry<String, Object> entry : architecture.values().entrySet()) {
            int h = (entry.getKey() + "=" + entry.getValue()).hashCode();
            sum += Math.floorMod(h * 0x9E3779B9, 1000) / 10.0;
        }
        return sum;
    }

    private static double bestOf(Strategy strategy, int trials) {
        double best = Double.NEGATIVE_INFINITY;
        for (int n = 1; n <= trials; n++) {
            Proposal proposal = strategy.ask().orElseThrow();
            double objective = additive(proposal.architecture());
            best = Math.max(best, objective);
            strategy.tell(HyperbandFixtures.done(n, proposal, objective));
        }
        return best;
    }

    @Test
    void badSettingsAreRejectedByName() {
        assertRejected(
                Map.of("top-fraction", "0"),
                "'top-fraction' of strategy 'bohb' is 0.0; expected a number in (0, 1)");
        assertRejected(Map.of("top-fraction", "1"), "'top-fraction' of strategy 'bohb' is 1.0");
        assertRejected(
                Map.of("random-fraction", "1.5"),
                "'random-fraction' of strategy 'bohb' is 1.5; expected a number in [0, 1]");
        assertRejected(
                Map.of("min-bandwidth", "0"),
                "'min-bandwidth' of strategy 'bohb' is 0.0; expected a number in (0, 1)");
        assertRejected(
                Map.of("candidates", "0"),
                "'candidates' of strategy 'bohb' is 0; expected at least 1");
        assertRejected(
                Map.of("bandwidth-factor", "0.5"),
                "'bandwidth-factor' of strategy 'bohb' is 0.5; expected at least 1.0");
        assertRejected(
                Map.of("min-epochs", "3", "max-epochs", "1"),
                "'min-epochs' of strategy 'bohb' is 3.0; expected at most max-epochs (1.0)");
        assertRejected(
                Map.of("gamma", "0.1"),
                "unknown setting 'gamma' for strategy 'bohb'; valid settings: min-epochs");
    }

    private void assertRejected(Map<String, String> settings, String message) {
        assertThatThrownBy(() -> HyperbandFixtures.create(provider, nb201, 0, settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
