package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.EdgePath;
import org.djlnas.api.supernet.MixingForm;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.spaces.textnas.TextNasProvider;
import org.djlnas.strategies.reinforce.LstmController;
import org.djlnas.testing.EpochRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnasSearchTest {

    private static final int EXAMPLES_PER_HALF = 32;
    private static final int EPOCHS = 3;
    private static final long SEED = 1;
    private static final Map<String, String> SETTINGS =
            Map.of(
                    "batch-size", "16",
                    "controller-steps", "4",
                    "controller-hidden", "8",
                    "derive-samples", "3");

    private static NDManager manager;
    private static OneShotSpace space;
    private static OneShotData data;
    private static OneShotResult reference;

    @TempDir Path folder;

    @BeforeAll
    static void runTheReferenceSearch(@TempDir Path referenceFolder) throws IOException {
        manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager();
        space = DartsFixtures.tinyNasBench201();
        data = DartsFixtures.data(manager, EXAMPLES_PER_HALF);
        reference = search(SEED, EPOCHS, SETTINGS, referenceFolder, List.of(), record -> {});
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    @Test
    void everyEpochDerivesAValidArchitectureWithItsMetricsAndPathShares() {
        assertThat(reference.history()).hasSize(EPOCHS);
        assertThat(reference.architecture())
                .isEqualTo(reference.history().get(EPOCHS - 1).architecture());
        for (EpochRecord record : reference.history()) {
            assertThat(space.validate(record.architecture())).isEqualTo(record.architecture());
            assertThat(record.metrics())
                    .containsKeys(
                            "trainLoss",
                            "trainAccuracy",
                            "validationLoss",
                            "validationAccuracy",
                            "meanReward",
                            "derivedReward",
                            "baseline",
                            "learningRate")
                    .allSatisfy((name, value) -> assertThat(value).as(name).isFinite());
            assertThat(record.metrics().get("meanReward")).isBetween(0.0, 1.0);
            // Two weight steps an epoch: each edge's shares are multiples of 1/2 summing to 1.
            assertThat(record.mixingWeights()).isNotEmpty();
            record.mixingWeights()
                    .forEach(
                            (edge, shares) -> {
                                assertThat(shares.stream().mapToDouble(x -> x).sum())
                                        .as(edge)
                                        .isEqualTo(1.0);
                                assertThat(shares).allMatch(x -> x == 0 || x == 0.5 || x == 1);
                            });
        }
        assertThat(reference.history().get(0).metrics().get("learningRate")).isEqualTo(0.05);
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() throws IOException {
        List<EpochRecord> heard = new ArrayList<>();

        OneShotResult again = search(SEED, EPOCHS, SETTINGS, folder, List.of(), heard::add);
        OneShotResult other =
                search(SEED + 1, 1, SETTINGS, folder.resolve("other"), List.of(), r -> {});

        assertThat(EpochRecords.comparable(again.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(EpochRecords.comparable(heard))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(EpochRecords.comparable(other.history()))
                .isNotEqualTo(EpochRecords.comparable(reference.history().subList(0, 1)));
    }

    @Test
    void aSearchResumedAfterACheckpointEndsAsOneThatNeverStopped() throws IOException {
        List<EpochRecord> journal = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                search(
                                        SEED,
                                        EPOCHS,
                                        SETTINGS,
                                        folder,
                                        List.of(),
                                        record -> {
                                            if (record.epoch() == 2) {
                                                throw new IllegalStateException("crash");
                                            }
                                            journal.add(record);
                                        }))
                .hasMessage("crash");
        assertThat(Files.readString(folder.resolve(Checkpoints.LATEST))).isEqualTo("epoch-0002");
        List<EpochRecord> heardAfterResume = new ArrayList<>();

        OneShotResult resumed =
                search(SEED, EPOCHS, SETTINGS, folder, journal, heardAfterResume::add);

        assertThat(heardAfterResume).extracting(EpochRecord::epoch).containsExactly(2, 3);
        assertThat(EpochRecords.comparable(resumed.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(resumed.architecture()).isEqualTo(reference.architecture());
    }

    @Test
    void withoutDeriveSamplesTheMostLikelyArchitectureIsDerived() throws IOException {
        Map<String, String> greedy = new LinkedHashMap<>(SETTINGS);
        greedy.put("derive-samples", "0");
        greedy.put("controller-steps", "0");

        OneShotResult result = search(SEED, 2, greedy, folder, List.of(), record -> {});

        // With no controller step the controller never moves: both epochs derive the same.
        assertThat(result.history().get(1).architecture())
                .isEqualTo(result.history().get(0).architecture());
        assertThat(result.history().get(0).metrics())
                .doesNotContainKeys("derivedReward", "meanReward", "baseline");
    }

    /**
     * The controller walks any cell space's choice tree, and each architecture it samples is a
     * single path through that space's supernet.
     */
    @ParameterizedTest
    @MethodSource("cellSpaces")
    void theControllersSamplesOfAnyCellSpaceAreSinglePaths(OneShotSpace cellSpace) {
        ArchitectureWeights paths =
                ArchitectureWeights.create(manager, cellSpace.searchCells(), SEED, 1e-3);
        LstmController controller =
                LstmController.create(
                        cellSpace,
                        new LstmController.Options(8, 0.01, 1, 0, 0.9),
                        Engine.getEngine(DartsFixtures.ENGINE),
                        new SplittableRandom(SEED));
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 10; i++) {
            Architecture architecture = controller.sample(random).architecture();
            assertThat(cellSpace.validate(architecture)).isEqualTo(architecture);

            paths.choosePaths(architecture);

            List<EdgePath> chosen = paths.labels().stream().map(paths::path).toList();
            assertThat(chosen).doesNotContainNull();
            assertThat(chosen).anyMatch(path -> path.candidate() != EdgePath.ZERO);
        }
    }

    static List<Named<OneShotSpace>> cellSpaces() {
        TextNasProvider textNas = new TextNasProvider();
        return List.of(
                Named.of("nas-bench-201", DartsFixtures.tinyNasBench201()),
                Named.of("darts", DartsFixtures.tinyDarts()),
                Named.of(
                        "textnas",
                        (OneShotSpace)
                                textNas.create(
                                        Settings.resolve(
                                                "space",
                                                textNas.settings(),
                                                Map.of("embedding-size", "8")),
                                        OpRegistry.discover())));
    }

    @Test
    void theProviderIsFoundAndChecksItsSettings() {
        assertThat(ServiceLoader.load(OneShotStrategyProvider.class).stream())
                .anyMatch(p -> p.get().id().equals("enas"));
        assertThatThrownBy(
                        () ->
                                new EnasProvider()
                                        .create(context(SEED, 1, Map.of("baseline-decay", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'baseline-decay'");
        assertThatThrownBy(() -> new EnasProvider().create(context(SEED, 0.5, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole epochs");
    }

    private static OneShotContext context(long seed, double epochs, Map<String, String> given) {
        return new OneShotContext(
                space,
                Settings.resolve("strategy 'enas'", EnasSettings.specs(), given),
                seed,
                new Budget(epochs, 0),
                DartsFixtures.ENGINE,
                MixingForm.LOOPED);
    }

    private static OneShotResult search(
            long seed,
            int epochs,
            Map<String, String> settings,
            Path checkpoints,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        return new EnasProvider()
                .create(context(seed, epochs, settings))
                .search(data, checkpoints, journaled, listener);
    }
}
