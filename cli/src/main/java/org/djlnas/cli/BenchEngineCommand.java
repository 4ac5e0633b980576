package org.djlnas.cli;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.runtime.search.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nas bench-engine}: the engine benchmark behind {@code benchmarks/engines.sh}, hidden from
 * the help. {@code training} times training steps of one NAS-Bench-201 network on one engine (run
 * it once per process, so the peak memory is that engine's); {@code inference} exports the same
 * network trained on PyTorch and times a forward pass of a batch on every engine that runs it.
 */
@Command(
        name = "bench-engine",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Engine benchmark (benchmarks/engines.sh): training | inference.")
final class BenchEngineCommand implements Callable<Integer> {

    /**
     * The benchmarked network: NAS-Bench-201's ResNet-like cell at C=8, one cell per stage (the
     * README's main job), on 1×28×28 images.
     */
    private static final String CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private static final Shape IMAGE = new Shape(1, 28, 28);

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "training or inference")
    private String what;

    @Option(names = "--engine", paramLabel = "NAME", description = "Engine for training.")
    private String engine = "PyTorch";

    @Option(names = "--batch", paramLabel = "N", description = "Batch size.")
    private int batch = 64;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed steps first.")
    private int warmup = 5;

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps.")
    private int steps = 30;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> result =
                switch (what) {
                    case "training" -> training();
                    case "inference" -> inference();
                    default ->
                            throw new IllegalArgumentException(
                                    "WHAT is '" + what + "'; expected training or inference");
                };
        Json.print(spec.commandLine().getOut(), result);
        return 0;
    }

    private static SearchSpace space() {
        return Plugins.discover()
                .space(
                        "nas-bench-201",
                        Map.of("channels", "8", "cells", "1", "input-channels", "1"));
    }

    private static Architecture architecture(SearchSpace space) {
        return ((BenchmarkStringCodec) space).fromBenchmarkString(CELL);
    }

    private Map<String, Object> training() {
        String name =
                Engines.selector()
                        .select(Optional.of(engine), EngineCapability.TRAIN)
                        .getEngineName();
        SearchSpace space = space();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(
                                Optimizer.sgd()
                                        .setLearningRateTracker(Tracker.fixed(0.025f))
                                        .optMomentum(0.9f)
                                        .build());
        double[] millis = new double[steps];
        try (Model model = Model.newInstance("bench", DeviceChoice.forEngine(name), name)) {
            model.setBlock(space.compile(architecture(space)));
            try (Trainer trainer = model.newTrainer(config)) {
                Engine.getEngine(name).setRandomSeed(1);
                trainer.initialize(new Shape(batch).addAll(IMAGE));
                float[] images = uniform(batch * IMAGE.size(), 1);
                float[] labels = labels(batch, 2);
                for (int step = -warmup; step < steps; step++) {
                    long start = System.nanoTime();
                    // Every array of a step lives on the step's manager and is freed with it.
                    try (NDManager stepManager = model.getNDManager().newSubManager();
                            GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray x = stepManager.create(images, new Shape(batch).addAll(IMAGE));
                        NDArray y = stepManager.create(labels);
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray loss =
                                trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                        collector.backward(loss);
                    }
                    trainer.step();
                    if (step >= 0) {
                        millis[step] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("engine", name);
        result.put("engineVersion", Engine.getEngine(name).getVersion());
        result.put("batch", batch);
        result.put("steps", steps);
        result.put("msPerStep", median(millis));
        result.put("peakMemory", PeakMemory.measure());
        return result;
    }

    private Map<String, Object> inference() throws Exception {
        EngineSelector engines = Engines.selector();
        SearchSpace space = space();
        Architecture architecture = architecture(space);
        Path folder = Files.createTempDirectory("bench-engine");
        Path weights = folder.resolve("weights");
        Path exported = folder.resolve("tensorflow");
        float[] images = uniform(batch * IMAGE.size(), 3);
        Shape batchShape = new Shape(batch).addAll(IMAGE);
        try (Model model = Model.newInstance("bench", "PyTorch")) {
            model.setBlock(space.compile(architecture));
            Engine.getEngine("PyTorch").setRandomSeed(1);
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, batchShape);
            model.save(weights, "bench");
            engines.exporter("TensorFlow").export(model.getBlock(), IMAGE, exported);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("batch", batch);
        result.put("steps", steps);
        Map<String, Double> msPerBatch = new LinkedHashMap<>();
        for (String name : List.of("PyTorch", "MXNet")) {
            try (Model model = Model.newInstance("bench", DeviceChoice.forEngine(name), name)) {
                model.setBlock(space.compile(architecture));
                model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, batchShape);
                model.load(weights, "bench");
                NDManager manager = model.getNDManager();
                msPerBatch.put(
                        name,
                        time(
                                () -> {
                                    try (NDManager stepManager = manager.newSubManager()) {
                                        NDArray x = stepManager.create(images, batchShape);
                                        return model.getBlock()
                                                .forward(
                                                        new ParameterStore(stepManager, false),
                                                        new NDList(x),
                                                        false)
                                                .singletonOrThrow()
                                                .toFloatArray();
                                    }
                                }));
            }
        }
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(exported)
                        .optEngine("TensorFlow")
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            msPerBatch.put(
                    "TensorFlow",
                    time(
                            () -> {
                                try (NDManager stepManager = manager.newSubManager()) {
                                    NDArray x = stepManager.create(images, batchShape);
                                    return predictor
                                            .predict(new NDList(x))
                                            .singletonOrThrow()
                                            .toFloatArray();
                                }
                            }));
        }
        result.put("msPerBatch", msPerBatch);
        return result;
    }

    /** A timed action that must not be optimised away: it returns the values it computed. */
    private interface Forward {
        float[] run() throws Exception;
    }

    private double time(Forward forward) throws Exception {
        double[] millis = new double[steps];
        double sink = 0;
        for (int step = -warmup; step < steps; step++) {
            long start = System.nanoTime();
            sink += forward.run()[0];
            if (step >= 0) {
                millis[step] = (System.nanoTime() - start) / 1e6;
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the network output NaN");
        }
        return median(millis);
    }

    private static float[] uniform(long size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(size)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    private static float[] labels(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(10);
        }
        return values;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double value =
                sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.round(value * 100) / 100.0;
    }
}
