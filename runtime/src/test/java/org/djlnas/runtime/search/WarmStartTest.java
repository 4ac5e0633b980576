package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.strategy.PriorTrial;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.spaces.nasbench201.NasBench201Cifar10Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search starts from the best trials of earlier experiments, and resumes from the journal. */
class WarmStartTest {

    private static final Plugins PLUGINS = Plugins.discover();

    @TempDir Path folder;

    private static ExperimentConfig.Builder tabular(String strategy, long seed, int trials) {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .setStrategy(strategy)
                .optBenchmark(NasBench201Cifar10Table.ID)
                .optSeed(seed)
                .optTrials(trials);
    }

    private Path search(String name, ExperimentConfig config) throws Exception {
        Path out = folder.resolve(name);
        try (SearchSession session = SearchSession.create(out, config, PLUGINS)) {
            session.run(List.of());
        }
        return out;
    }

    private static List<TrialRecord> trials(Path experiment) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(experiment)) {
            return store.trials();
        }
    }

    private static List<Architecture> architectures(Path experiment) {
        return trials(experiment).stream().map(t -> t.spec().architecture()).toList();
    }

    private static List<Architecture> bestFirst(Path experiment) {
        return trials(experiment).stream()
                .sorted(
                        Comparator.comparingDouble(
                                (TrialRecord t) -> -t.metric("score").orElseThrow()))
                .map(t -> t.spec().architecture())
                .toList();
    }

    private static ExperimentConfig evolution(int trials, Path... earlier) {
        return tabular("regularized-evolution", 5, trials)
                .optStrategySettings(Map.of("population", "4"))
                .optWarmStart(Stream.of(earlier).map(Path::toString).toList())
                .build();
    }

    @Test
    void theFirstPopulationIsTheBestOfTheEarlierExperimentThenTheSearchGoesOn() throws Exception {
        Path earlier = search("earlier", tabular("random", 1, 12).build());

        Path warm = search("warm", evolution(8, earlier));
        Path cold = search("cold", evolution(8));

        assertThat(architectures(warm).subList(0, 4)).isEqualTo(bestFirst(earlier).subList(0, 4));
        assertThat(architectures(warm)).doesNotHaveDuplicates().hasSize(8);
        assertThat(architectures(cold).subList(0, 4))
                .isNotEqualTo(bestFirst(earlier).subList(0, 4));
    }

    @Test
    void priorsAreRankedWithinTheirExperimentBestFirstAndAnArchitectureAppearsOnce()
            throws Exception {
        Path earlier = search("earlier", tabular("random", 1, 5).build());

        List<PriorTrial> priors =
                WarmStart.read(
                        List.of(earlier.toString(), earlier.toString()),
                        PLUGINS.space("nas-bench-201", Map.of()));

        assertThat(priors)
                .extracting(PriorTrial::quality)
                .containsExactly(1.0, 0.75, 0.5, 0.25, 0.0);
        assertThat(priors).extracting(PriorTrial::architecture).isEqualTo(bestFirst(earlier));
        assertThat(WarmStart.fromJson(WarmStart.toJson(priors))).isEqualTo(priors);
    }

    @Test
    void aResumedSearchStartsFromItsJournalEvenWhenTheEarlierExperimentIsGone() throws Exception {
        Path earlier = search("earlier", tabular("random", 1, 12).build());
        Path whole = search("whole", evolution(9, earlier));
        Path stopped = search("stopped", evolution(3, earlier));
        deleteRecursively(earlier);

        try (SearchSession session =
                SearchSession.resume(stopped, OptionalInt.of(9), Optional.empty(), PLUGINS)) {
            session.run(List.of());
        }

        assertThat(architectures(stopped)).isEqualTo(architectures(whole));
    }

    @Test
    void
            badEarlierExperimentsAndStrategiesThatCannotStartFromThemAreRefusedBeforeAnythingIsWritten()
                    throws Exception {
        Path earlier = search("earlier", tabular("random", 1, 3).build());
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Path out = folder.resolve("out");

        assertThatThrownBy(() -> SearchSession.create(out, evolution(3, empty), PLUGINS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`warmStart` folder "
                                + empty
                                + " holds no experiment; expected the folder of an earlier"
                                + " search");
        ExperimentConfig random =
                tabular("random", 1, 3).optWarmStart(List.of(earlier.toString())).build();
        assertThatThrownBy(() -> SearchSession.create(out, random, PLUGINS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`warmStart` is given; strategy 'random' cannot start from earlier"
                                + " experiments (strategies that can: gp-bo,"
                                + " nsga2, regularized-evolution)");
        assertThat(out).doesNotExist();
    }

    private static void deleteRecursively(Path path) throws Exception {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
