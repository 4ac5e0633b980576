package org.djlnas.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.strategies.Nsga2Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NSGA-II in the experiment loop: its generations wait for their outcomes, so it proposes the same
 * architectures whatever the parallelism and the timing, and a search resumed to more trials
 * proposes what one longer run does.
 */
class Nsga2ExperimentTest {

    private static final NasBench201Provider SPACES = new NasBench201Provider();
    private static final SearchSpace SPACE =
            SPACES.create(Settings.defaults("space", SPACES.settings()), OpRegistry.discover());

    @TempDir Path folder;

    /**
     * Two objectives from the architecture: a score from a hash of its id and its number of 3×3
     * convolutions; every seventh trial fails, and every third takes a little longer.
     */
    static final class ScoreAndSize implements Evaluator {
        @Override
        public String objective() {
            return "score";
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) throws Exception {
            if (trial.number() % 7 == 0) {
                throw new TrialFailedException("seventh trial fails");
            }
            if (trial.number() % 3 == 0) {
                Thread.sleep(3);
            }
            Architecture architecture = trial.architecture();
            double size =
                    architecture.values().values().stream().filter("nor_conv_3x3"::equals).count();
            return Map.of(
                    "score",
                    (double) Math.floorMod(architecture.id().hashCode(), 1000),
                    "size",
                    size);
        }
    }

    private List<Architecture> run(Path dir, int parallel, int trials) throws Exception {
        Nsga2Provider provider = new Nsga2Provider();
        StrategyContext context =
                new StrategyContext(
                        SPACE,
                        Settings.resolve(
                                "strategy 'nsga2'",
                                provider.settings(),
                                Map.of(Nsga2Provider.POPULATION, "6")),
                        TrialSeeds.strategy(4),
                        trials,
                        Budget.ofEpochs(1));
        try (SqliteExperimentStore store =
                        dir.resolve("experiment.db").toFile().exists()
                                ? SqliteExperimentStore.open(dir)
                                : SqliteExperimentStore.create(dir);
                LocalTrialExecutor executor = new LocalTrialExecutor(parallel)) {
            return Experiment.builder()
                    .setStrategy(provider.create(context))
                    .setEvaluator(new ScoreAndSize())
                    .setObjectives(
                            List.of(Objective.parse("score:max"), Objective.parse("size:min")))
                    .setExecutor(executor)
                    .setStore(store)
                    .setMaxTrials(trials)
                    .setSeed(4)
                    .build()
                    .run()
                    .trials()
                    .stream()
                    .map(r -> r.spec().architecture())
                    .toList();
        }
    }

    @Test
    void theProposalsAreTheSameAtAnyParallelism() throws Exception {
        List<Architecture> one = run(folder.resolve("one"), 1, 40);
        assertThat(run(folder.resolve("three"), 3, 40)).hasSize(40).isEqualTo(one);
    }

    @Test
    void aSearchResumedToMoreTrialsProposesWhatOneLongerRunDoes() throws Exception {
        List<Architecture> longer = run(folder.resolve("longer"), 2, 45);
        Path resumed = folder.resolve("resumed");
        run(resumed, 2, 25);
        assertThat(run(resumed, 2, 45)).isEqualTo(longer);
    }
}
