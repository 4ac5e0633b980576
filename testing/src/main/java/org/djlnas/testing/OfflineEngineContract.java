package org.djlnas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.junit.jupiter.api.Test;

/**
 * The check every engine module runs: its engine loads with offline mode on and an empty DJL cache
 * (each engine module's build points {@code DJL_CACHE_DIR} at a fresh folder), from the natives the
 * build provides, and then computes; an engine that declares it can train also trains a small
 * network until its loss falls. Extend it, name the engine, and say where its natives must be.
 */
public abstract class OfflineEngineContract {

    private final EngineSelector engines = EngineSelector.discover();

    /**
     * Returns the engine's name, as DJL knows it.
     *
     * @return for example {@code PyTorch}
     */
    protected abstract String engineName();

    /**
     * Returns how the engine's version must start.
     *
     * @return for example {@code 2.7.1}
     */
    protected abstract String versionPrefix();

    /**
     * Asserts that the natives came from where the build put them, not from a download.
     *
     * @param djlCache the fresh DJL cache folder of this build
     * @throws IOException if a folder cannot be listed
     */
    protected abstract void assertNativesCameFromTheBuild(Path djlCache) throws IOException;

    /**
     * Lists the file names under a folder, for native checks; an absent folder has none.
     *
     * @param folder the folder
     * @return the names of the files and folders under it
     * @throws IOException if the folder cannot be listed
     */
    protected static List<String> fileNamesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void loadsOfflineFromTheNativesTheBuildProvides() throws IOException {
        Engine engine = engines.select(Optional.of(engineName()));
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(engine.getEngineName()).isEqualTo(engineName());
        assertThat(engine.getVersion()).startsWith(versionPrefix());
        String cache = System.getenv("DJL_CACHE_DIR");
        assertThat(cache).as("the build sets a fresh DJL_CACHE_DIR").isNotBlank();
        assertNativesCameFromTheBuild(Path.of(cache));
    }

    @Test
    void computes() {
        try (NDManager manager = NDManager.newBaseManager(engineName())) {
            NDArray sum = manager.create(new float[] {1, 2, 3}).add(manager.create(2f));
            assertThat(sum.toFloatArray()).containsExactly(3f, 4f, 5f);
        }
    }

    @Test
    void trainsASmallNetworkIfItDeclaresTraining() {
        // A capability skip: the conformance suite checks that such an engine is refused.
        assumeTrue(
                engines.capabilities(engineName()).contains(EngineCapability.TRAIN),
                () -> engineName() + " does not declare training");
        try (Model model = Model.newInstance("offline-check", engineName())) {
            model.setBlock(
                    new SequentialBlock()
                            .add(Linear.builder().setUnits(8).build())
                            .add(Activation.reluBlock())
                            .add(Linear.builder().setUnits(2).build()));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.5f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(4, 3));
                NDManager manager = trainer.getManager();
                assertThat(manager.getEngine().getEngineName()).isEqualTo(engineName());
                float before = loss(trainer, manager);
                for (int step = 0; step < 20; step++) {
                    try (Batch batch = batch(manager.newSubManager())) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                }
                assertThat(loss(trainer, manager)).isLessThan(before);
            }
        }
    }

    private static NDArray features(NDManager manager) {
        return manager.create(new float[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}});
    }

    private static NDArray labels(NDManager manager) {
        return manager.create(new float[] {0, 1, 1, 0});
    }

    private static Batch batch(NDManager manager) {
        return new Batch(
                manager,
                new NDList(features(manager)),
                new NDList(labels(manager)),
                4,
                Batchifier.STACK,
                Batchifier.STACK,
                0,
                1);
    }

    private static float loss(Trainer trainer, NDManager manager) {
        NDList out = trainer.evaluate(new NDList(features(manager)));
        return trainer.getLoss().evaluate(new NDList(labels(manager)), out).getFloat();
    }
}
