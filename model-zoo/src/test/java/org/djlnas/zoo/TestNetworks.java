package org.djlnas.zoo;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;

/** Small networks of a ready space, trained briefly on PyTorch, and publications of them. */
final class TestNetworks {

    static final String SPACE = "nas-bench-201";
    static final Map<String, String> SETTINGS =
            Map.of("channels", "4", "cells", "1", "input-channels", "1");
    static final Shape IMAGE = new Shape(1, 28, 28);
    static final List<String> CLASS_NAMES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Bag",
                    "Sneaker",
                    "Ankle boot");
    static final float MEAN = 0.2860f;
    static final float STD = 0.3530f;
    static final String ENGINE = "PyTorch";

    /** A trained network: its architecture, saved weights, and its logits on fixed images. */
    record Trained(Architecture architecture, Path weights, float[] logits) {}

    private TestNetworks() {}

    /**
     * Compiles an architecture drawn with a seed, initialises it with that seed, trains it three
     * SGD steps on a fixed random batch (so that weights and batch-normalisation statistics are no
     * longer those of initialisation), saves it, and predicts {@link #images} in inference mode.
     */
    static Trained train(Path folder, long seed) throws IOException {
        SearchSpace space = SpaceLookup.create(SPACE, SETTINGS);
        Architecture architecture = space.sample(new SplittableRandom(seed));
        try (Model model = Model.newInstance("trained", Device.cpu(), ENGINE)) {
            model.setBlock(space.compile(architecture));
            Engine.getEngine(ENGINE).setRandomSeed((int) seed);
            model.getBlock()
                    .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 1, 28, 28));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.1f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config);
                    NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batch.create(images(16, seed), new Shape(16, 1, 28, 28));
                float[] labels = new float[16];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = i % 10;
                }
                NDArray y = batch.create(labels);
                for (int step = 0; step < 3; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        collector.backward(
                                trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
                    }
                    trainer.step();
                }
            }
            model.save(folder, "trained");
            float[] logits;
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray x = manager.create(images(4, 7), new Shape(4, 1, 28, 28));
                logits =
                        model.getBlock()
                                .forward(new ParameterStore(manager, false), new NDList(x), false)
                                .singletonOrThrow()
                                .toFloatArray();
            }
            return new Trained(architecture, folder.resolve("trained-0000.params"), logits);
        }
    }

    /** Fixed pseudo-random images, values in [0, 1). */
    static float[] images(int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[batch * 28 * 28];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    static Provenance provenance() {
        return provenance(SPACE, SETTINGS);
    }

    static Provenance provenance(String space, Map<String, String> settings) {
        return Provenance.builder()
                .setSpace(space, settings)
                .setStrategy("regularized-evolution", Map.of("population", "8"))
                .optSeed("experiment", 1)
                .optSeed("retrain", 2)
                .setEngine(ENGINE, "2.7.1")
                .setDataset("fashion-mnist", Map.of("seed", "1", "validationFraction", "0.1"))
                .optValidationMetrics(Map.of("accuracy", 0.81, "loss", 0.52))
                .optTestMetrics(Map.of("accuracy", 0.8))
                .setParameters(1234)
                .optLatencyMs(1.5)
                .setLibraryVersion("0.1.0-SNAPSHOT")
                .optCreated(Instant.parse("2026-11-28T10:00:00Z"))
                .build();
    }

    static ModelPublication publication(
            String name, String version, Architecture architecture, Path weights) {
        return ModelPublication.builder()
                .setName(name)
                .setVersion(version)
                .setArchitecture(architecture)
                .setWeights(weights)
                .setClassNames(CLASS_NAMES)
                .setInputShape(IMAGE)
                .optNormalization(new float[] {MEAN}, new float[] {STD})
                .setProvenance(provenance())
                .build();
    }

    /** A file that starts like DJL's parameter files, enough to publish without an engine. */
    static Path fakeWeights(Path folder, String content) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(
                folder.resolve("fake-0000.params"), "DJL@" + content, StandardCharsets.UTF_8);
    }

    static Architecture someArchitecture() {
        return SpaceLookup.create(SPACE, SETTINGS).sample(new SplittableRandom(3));
    }
}
