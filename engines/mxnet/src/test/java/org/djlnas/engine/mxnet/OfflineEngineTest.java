package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Optional;
import java.util.stream.Stream;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.junit.jupiter.api.Test;

/**
 * Proves the MXNet engine loads from the Maven jars with offline mode on and an empty native cache
 * (the build points {@code DJL_CACHE_DIR} at a fresh folder), and trains, while PyTorch is on the
 * class path too.
 */
class OfflineEngineTest {

    @Test
    void loadsOfflineFromJarNativesAndTrainsOneStep() throws IOException {
        Engine engine =
                EngineSelector.discover().select(Optional.of("mxnet"), EngineCapability.TRAIN);
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(engine.getEngineName()).isEqualTo(MxNetSupport.ENGINE_NAME);
        // The 1.9.1 natives report themselves as 1.9.0.
        assertThat(engine.getVersion()).startsWith("1.9.");
        assertThat(Engine.getAllEngines()).contains("PyTorch");

        String cacheDir = System.getenv("DJL_CACHE_DIR");
        assertThat(cacheDir).as("the build sets a fresh DJL_CACHE_DIR").isNotBlank();
        try (Stream<Path> files = Files.walk(Path.of(cacheDir))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("natives were unpacked from the jar into the fresh cache")
                    .anyMatch(name -> name.equals("libmxnet.so"));
        }

        try (Model model = Model.newInstance("offline-check", engine.getEngineName())) {
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
                assertThat(manager.getEngine().getEngineName()).isEqualTo("MXNet");
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
