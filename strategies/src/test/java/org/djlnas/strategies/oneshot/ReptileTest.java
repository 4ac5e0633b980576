package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.MixingForm;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.spaces.darts.DartsProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reptile meta-training of a tiny DARTS supernet over two synthetic tasks (three classes, and a
 * regression with one output): k and ε semantics, determinism, what is task-specific, and loading
 * the result into a search's supernet.
 */
class ReptileTest {

    private static final String ENGINE = DartsFixtures.ENGINE;
    private static final long SEED = 5;
    private static NDManager manager;
    private static List<ReptileTask> tasks;

    @TempDir Path folder;

    @BeforeAll
    static void data() {
        manager = Engine.getEngine(ENGINE).newBaseManager();
        OneShotData images = DartsFixtures.data(manager, 32);
        OneShotData brightness = DartsFixtures.regressionData(manager, 32);
        tasks =
                List.of(
                        new ReptileTask("images", darts(3, 1), images),
                        new ReptileTask("brightness", darts(1, 1), brightness));
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    static OneShotSpace darts(int classes, int inputChannels) {
        DartsProvider provider = new DartsProvider();
        return (OneShotSpace)
                provider.create(
                        Settings.resolve(
                                "space",
                                provider.settings(),
                                Map.of(
                                        "channels", "4",
                                        "layers", "3",
                                        "nodes", "2",
                                        "input-channels", Integer.toString(inputChannels),
                                        "classes", Integer.toString(classes))),
                        OpRegistry.discover());
    }

    private static ReptileSettings settings(int iterations, int innerSteps, double epsilon) {
        return new ReptileSettings(
                iterations,
                innerSteps,
                epsilon,
                Settings.resolve("strategy", DartsSettings.specs(1), Map.of("batch-size", "16")));
    }

    private static MetaStartManifest manifest() {
        return new MetaStartManifest(
                "darts",
                Map.of("channels", "4", "layers", "3", "nodes", "2"),
                List.of("images", "brightness"),
                Map.of(),
                SEED,
                ENGINE,
                List.of(),
                List.of());
    }

    private List<MetaIteration> train(Path out, int iterations, int k, double epsilon, long seed)
            throws IOException {
        return Reptile.metaTrain(
                tasks,
                settings(iterations, k, epsilon),
                seed,
                ENGINE,
                MixingForm.LOOPED,
                out,
                manifest(),
                i -> {});
    }

    @Test
    void eachIterationRunsKInnerStepsOnATaskPickedBySeedAndRepeatsWithTheSameSeed()
            throws IOException {
        // 32 examples per half at batch 16 are 2 batches: 3 steps wrap around to the first again.
        List<MetaIteration> first = train(folder.resolve("a"), 4, 3, 0.5, SEED);
        List<MetaIteration> again = train(folder.resolve("b"), 4, 3, 0.5, SEED);

        assertThat(first).extracting(MetaIteration::innerSteps).containsOnly(3);
        assertThat(first).extracting(MetaIteration::iteration).containsExactly(1, 2, 3, 4);
        assertThat(first)
                .extracting(MetaIteration::task)
                .isSubsetOf("images", "brightness")
                .isEqualTo(again.stream().map(MetaIteration::task).toList());
        assertThat(first)
                .extracting(MetaIteration::trainLoss)
                .isEqualTo(again.stream().map(MetaIteration::trainLoss).toList());
        assertArraysEqual(folder.resolve("a"), folder.resolve("b"), 1e-6);
        assertThat(Files.readString(folder.resolve("a").resolve(MetaStartManifest.FILE)))
                .isEqualTo(Files.readString(folder.resolve("b").resolve(MetaStartManifest.FILE)));
    }

    @Test
    void epsilonScalesTheMoveFromTheStart() throws IOException {
        // One iteration from the same seed: the same task and the same adapted θ'; the saved
        // meta parameters are θ0 + ε(θ' − θ0).
        train(folder.resolve("full"), 1, 2, 1.0, SEED);
        train(folder.resolve("half"), 1, 2, 0.5, SEED);
        NDList full = read(folder.resolve("full"), MetaStartFolder.ALPHAS);
        NDList half = read(folder.resolve("half"), MetaStartFolder.ALPHAS);
        NDList fullWeights = read(folder.resolve("full"), MetaStartFolder.PARAMETERS);
        NDList halfWeights = read(folder.resolve("half"), MetaStartFolder.PARAMETERS);
        int pick =
                train(folder.resolve("which"), 1, 2, 1.0, SEED).get(0).task().equals("images")
                        ? 0
                        : 1;
        ReptileTask task = tasks.get(pick);
        try (Supernet start =
                Supernet.create(
                        task.space(),
                        ENGINE,
                        new Shape(16).addAll(task.data().exampleShape()),
                        SEED,
                        task.data().task())) {
            List<NDArray> alphas = start.alphas().arrays();
            double moved = 0;
            for (int i = 0; i < alphas.size(); i++) {
                NDArray expected = alphas.get(i).add(full.get(i).sub(alphas.get(i)).mul(0.5f));
                assertThat(half.get(i).toFloatArray())
                        .usingComparatorWithPrecision(1e-5f)
                        .containsExactly(expected.toFloatArray());
                moved += full.get(i).sub(alphas.get(i)).abs().sum().getFloat();
            }
            assertThat(moved).as("α moved in the inner steps").isGreaterThan(1e-4);
            MetaStartManifest manifest = MetaStartManifest.read(folder.resolve("full"));
            Map<String, NDArray> initial = start.namedParameters();
            for (int i = 0; i < fullWeights.size(); i++) {
                NDArray theta0 = initial.get(manifest.parameters().get(i));
                NDArray expected =
                        theta0.add(fullWeights.get(i).sub(theta0).mul(0.5f))
                                .toType(theta0.getDataType(), false);
                assertThat(halfWeights.get(i).toFloatArray())
                        .usingComparatorWithPrecision(1e-5f)
                        .containsExactly(expected.toFloatArray());
            }
        }
    }

    @Test
    void theHeadAndParametersOfTaskDependentShapeAreNotMetaLearned() throws IOException {
        train(folder.resolve("meta"), 2, 1, 0.5, SEED);
        MetaStartManifest manifest = MetaStartManifest.read(folder.resolve("meta"));
        try (Supernet images = supernet(darts(3, 1));
                Supernet grey = supernet(darts(3, 1));
                Supernet colour = supernet(darts(3, 2), SEED, 2)) {
            Set<String> head = images.headParameterNames();
            assertThat(head).isNotEmpty();
            assertThat(manifest.parameters()).doesNotContainAnyElementsOf(head);
            List<String> rest =
                    images.namedParameters().keySet().stream()
                            .filter(name -> !head.contains(name))
                            .toList();
            assertThat(manifest.parameters()).containsExactlyElementsOf(rest);
            assertThat(manifest.alphas()).isEqualTo(images.alphas().labels());

            // A task with two input channels has another stem convolution: it is not shared.
            List<String> shared = Reptile.sharedNames(List.of(grey, colour));
            List<String> differentShape =
                    rest.stream()
                            .filter(
                                    name ->
                                            !grey.namedParameters()
                                                    .get(name)
                                                    .getShape()
                                                    .equals(
                                                            colour.namedParameters()
                                                                    .get(name)
                                                                    .getShape()))
                            .toList();
            assertThat(differentShape).hasSize(1);
            assertThat(shared)
                    .containsExactlyElementsOf(
                            rest.stream().filter(name -> !differentShape.contains(name)).toList());
        }
    }

    @Test
    void aSearchSupernetLoadsTheSharedParametersAndAlphaAndKeepsItsHead() throws IOException {
        Path meta = folder.resolve("meta");
        train(meta, 2, 2, 1.0, SEED);
        MetaStartManifest manifest = MetaStartManifest.read(meta);
        NDList saved = read(meta, MetaStartFolder.PARAMETERS);
        NDList alphas = read(meta, MetaStartFolder.ALPHAS);
        // a new task with 5 classes and another seed
        try (Supernet search = supernet(darts(5, 1), 99);
                Supernet fresh = supernet(darts(5, 1), 99);
                NDManager local = search.newSubManager()) {
            int loaded = MetaStartFolder.load(meta, search, local);

            assertThat(loaded).isEqualTo(manifest.parameters().size());
            Map<String, NDArray> live = search.namedParameters();
            for (int i = 0; i < saved.size(); i++) {
                assertThat(live.get(manifest.parameters().get(i)).toFloatArray())
                        .containsExactly(saved.get(i).toFloatArray());
            }
            for (int i = 0; i < alphas.size(); i++) {
                assertThat(search.alphas().arrays().get(i).toFloatArray())
                        .containsExactly(alphas.get(i).toFloatArray());
            }
            for (String name : search.headParameterNames()) {
                assertThat(live.get(name).toFloatArray())
                        .containsExactly(fresh.namedParameters().get(name).toFloatArray());
            }
        }
    }

    @Test
    void aFolderOfOtherCellsIsRefusedAndNothingIsWrittenForNoTasks() throws IOException {
        Path meta = folder.resolve("meta");
        train(meta, 1, 1, 0.5, SEED);
        try (Supernet other = supernet(DartsFixtures.tinyNasBench201());
                NDManager local = other.newSubManager()) {
            assertThatThrownBy(() -> MetaStartFolder.load(meta, other, local))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was meta-trained on cells with edges");
        }
        Path none = folder.resolve("none");
        assertThatThrownBy(
                        () ->
                                Reptile.metaTrain(
                                        List.of(),
                                        settings(1, 1, 0.5),
                                        SEED,
                                        ENGINE,
                                        MixingForm.LOOPED,
                                        none,
                                        manifest(),
                                        i -> {}))
                .hasMessage("no meta-training tasks; expected at least one data set");
        assertThatThrownBy(() -> train(meta, 1, 1, 0.5, SEED))
                .hasMessage(meta + " exists; expected a new folder");
        assertThat(none).doesNotExist();
        Files.delete(meta.resolve(MetaStartFolder.ALPHAS));
        try (Supernet search = supernet(darts(3, 1));
                NDManager local = search.newSubManager()) {
            assertThatThrownBy(() -> MetaStartFolder.load(meta, search, local))
                    .hasMessage(
                            meta.resolve(MetaStartFolder.ALPHAS)
                                    + " is missing; expected a folder written by meta-training");
        }
    }

    private static Supernet supernet(OneShotSpace space) {
        return supernet(space, SEED, 1);
    }

    private static Supernet supernet(OneShotSpace space, long seed) {
        return supernet(space, seed, 1);
    }

    private static Supernet supernet(OneShotSpace space, long seed, int channels) {
        return Supernet.create(
                space,
                ENGINE,
                new Shape(16, channels, DartsFixtures.SIDE, DartsFixtures.SIDE),
                seed,
                DartsFixtures.THREE_CLASSES);
    }

    private static NDList read(Path meta, String file) throws IOException {
        try (InputStream in = Files.newInputStream(meta.resolve(file))) {
            return NDList.decode(manager, in);
        }
    }

    private static void assertArraysEqual(Path a, Path b, double tolerance) throws IOException {
        for (String file : List.of(MetaStartFolder.PARAMETERS, MetaStartFolder.ALPHAS)) {
            NDList left = read(a, file);
            NDList right = read(b, file);
            assertThat(left.size()).isEqualTo(right.size());
            for (int i = 0; i < left.size(); i++) {
                assertThat(
                                left.get(i)
                                        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                                        .toFloatArray())
                        .usingComparatorWithPrecision((float) tolerance)
                        .containsExactly(
                                right.get(i)
                                        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                                        .toFloatArray());
            }
        }
    }
}
