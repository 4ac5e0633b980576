package org.djlnas.cli;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.Task;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineInfo;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.runtime.training.TrainingLoop;
import org.djlnas.runtime.training.TrainingRecipe;
import org.djlnas.runtime.training.TrainingSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nas bench-engine}: the engine benchmark behind {@code benchmarks/engines.sh} and {@code
 * benchmarks/train-step.sh}, hidden from the help. {@code training} times training steps of one
 * network on one engine, with the search's training recipe and loop ({@link TrainingLoop}; run it
 * once per process, so the peak memory is that engine's); {@code inference} initialises the same
 * network on the training engine, and times a forward pass of a batch with those weights on every
 * engine found that runs blocks, and on every engine found that exports, through its export.
 *
 * <p>The network is a NAS-Bench-201 network by default, or any architecture of any space given with
 * {@code --space}, {@code --space-opt} and {@code --arch} as for {@code nas retrain}: the space's
 * compiled network (a {@code darts} architecture gives its evaluation network, not the supernet),
 * on 1×28×28 images.
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

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            description =
                    "Engine to train on, and to make the inference benchmark's weights on"
                            + " (default: as for nas search).")
    private @Nullable String engine;

    @Mixin private SpaceOptions spaceOptions = new SpaceOptions();

    @Option(
            names = "--arch",
            paramLabel = "FILE|JSON",
            description =
                    "The architecture to time, with --space: a JSON file, or the JSON itself"
                            + " (default: a NAS-Bench-201 network, C=8, one cell per stage).")
    private @Nullable String arch;

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

    /** The space setting that gives the number of classes, when a space declares it. */
    private static final String CLASSES = "classes";

    private SearchSpace space() {
        if (spaceOptions.givenId().isEmpty()) {
            if (arch != null || spaceOptions.anyGiven()) {
                throw new IllegalArgumentException(
                        "--arch, --space-opt, --space-settings and --classes need --space ID");
            }
            return Main.plugins(spec)
                    .space(
                            "nas-bench-201",
                            Map.of("channels", "8", "cells", "1", "input-channels", "1"));
        }
        if (arch == null) {
            throw new IllegalArgumentException(
                    "--space " + spaceOptions.id() + " needs --arch FILE|JSON, the architecture");
        }
        return spaceOptions.create(Main.plugins(spec), OptionalInt.of((int) IMAGE.get(0)));
    }

    private Architecture architecture(SearchSpace space) {
        if (arch == null) {
            return ((BenchmarkStringCodec) space).fromBenchmarkString(CELL);
        }
        return space.validate(ArchitectureReader.read(arch));
    }

    /** The task of the timed network: classification into the space's classes (default 10). */
    private static Task task(SearchSpace space) {
        Object classes = space.settings().asMap().getOrDefault(CLASSES, 10);
        return new Task.Classification(
                IntStream.range(0, ((Number) classes).intValue())
                        .mapToObj(Integer::toString)
                        .toList());
    }

    private Map<String, Object> training() throws TrialFailedException {
        EngineSelector engines = Engines.selector(Main.plugins(spec));
        String name =
                engines.select(Optional.ofNullable(engine), EngineCapability.TRAIN).getEngineName();
        SearchSpace space = space();
        Architecture architecture = architecture(space);
        Block block = space.compile(architecture);
        Task task = task(space);
        int totalSteps = warmup + steps;
        double[] millis = new double[steps];
        long parameters;
        long cpuStart = 0;
        double cpuMillis;
        try (Model model = Model.newInstance("bench", DeviceChoice.forEngine(name), name)) {
            model.setBlock(block);
            DefaultTrainingConfig config =
                    TrainingRecipe.config(block, TrainingSettings.defaults(), totalSteps, task);
            try (Trainer trainer = model.newTrainer(config)) {
                Engine.getEngine(name).setRandomSeed(1);
                trainer.initialize(new Shape(batch).addAll(IMAGE));
                TrainingLoop loop =
                        new TrainingLoop(
                                trainer,
                                totalSteps,
                                Optional.empty(),
                                engines.imageMemoryFormat(name));
                float[] images = uniform(batch * IMAGE.size(), 1);
                float[] labels = labels(batch, classes(task), 2);
                parameters = parameterCount(block);
                for (int step = -warmup; step < steps; step++) {
                    if (step == 0) {
                        cpuStart = processCpuNanos();
                    }
                    long start = System.nanoTime();
                    // Every array of a step lives on the step's manager and is freed with it.
                    try (NDManager stepManager = model.getNDManager().newSubManager()) {
                        NDArray x = stepManager.create(images, new Shape(batch).addAll(IMAGE));
                        NDArray y = stepManager.create(labels);
                        loop.step(new NDList(x), new NDList(y));
                    }
                    if (step >= 0) {
                        millis[step] = (System.nanoTime() - start) / 1e6;
                    }
                }
                cpuMillis = (processCpuNanos() - cpuStart) / 1e6 / steps;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("engine", name);
        result.put("engineVersion", Engine.getEngine(name).getVersion());
        result.put("space", space.id());
        result.put("architectureId", architecture.id());
        result.put("parameters", parameters);
        result.put("batch", batch);
        result.put("steps", steps);
        result.put("msPerStep", median(millis));
        result.put("cpuMsPerStep", Math.round(cpuMillis * 100) / 100.0);
        result.put("peakMemory", PeakMemory.measure());
        return result;
    }

    private Map<String, Object> inference() throws Exception {
        EngineSelector engines = Engines.selector(Main.plugins(spec));
        String trainer =
                engines.select(Optional.ofNullable(engine), EngineCapability.TRAIN).getEngineName();
        List<EngineInfo> available = engines.available();
        SearchSpace space = space();
        Architecture architecture = architecture(space);
        Path folder = Files.createTempDirectory("bench-engine");
        Path weights = folder.resolve("weights");
        Shape batchShape = new Shape(batch).addAll(IMAGE);
        Map<String, Path> exported = new LinkedHashMap<>();
        try (Model model = Model.newInstance("bench", DeviceChoice.forEngine(trainer), trainer)) {
            model.setBlock(space.compile(architecture));
            Engine.getEngine(trainer).setRandomSeed(1);
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, batchShape);
            model.save(weights, "bench");
            for (EngineInfo info : available) {
                if (info.capabilities().contains(EngineCapability.EXPORT)) {
                    Path target = folder.resolve(info.name().toLowerCase(Locale.ROOT));
                    engines.exporter(info.name()).export(model.getBlock(), IMAGE, target);
                    exported.put(info.name(), target);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("weightsFrom", trainer);
        result.put("batch", batch);
        result.put("steps", steps);
        Map<String, Double> msPerBatch = new LinkedHashMap<>();
        for (EngineInfo info : available) {
            if (info.capabilities().contains(EngineCapability.FORWARD)) {
                msPerBatch.put(info.name(), blockMillis(info.name(), space, architecture, weights));
            }
        }
        for (Map.Entry<String, Path> export : exported.entrySet()) {
            msPerBatch.put(export.getKey(), exportedMillis(export.getKey(), export.getValue()));
        }
        result.put("msPerBatch", msPerBatch);
        return result;
    }

    /** Times a forward pass of the saved weights as a DJL block on an engine. */
    private double blockMillis(
            String name, SearchSpace space, Architecture architecture, Path weights)
            throws Exception {
        float[] images = uniform(batch * IMAGE.size(), 3);
        Shape batchShape = new Shape(batch).addAll(IMAGE);
        try (Model model = Model.newInstance("bench", DeviceChoice.forEngine(name), name)) {
            model.setBlock(space.compile(architecture));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, batchShape);
            model.load(weights, "bench");
            NDManager manager = model.getNDManager();
            return time(
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
                    });
        }
    }

    /** Times a forward pass of a network an engine exported, loaded through DJL on that engine. */
    private double exportedMillis(String name, Path exported) throws Exception {
        float[] images = uniform(batch * IMAGE.size(), 3);
        Shape batchShape = new Shape(batch).addAll(IMAGE);
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(exported)
                        .optEngine(name)
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            return time(
                    () -> {
                        try (NDManager stepManager = manager.newSubManager()) {
                            NDArray x = stepManager.create(images, batchShape);
                            return predictor
                                    .predict(new NDList(x))
                                    .singletonOrThrow()
                                    .toFloatArray();
                        }
                    });
        }
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

    /** The CPU time of the whole process so far, every thread's (less moved by other load). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int classes(Task task) {
        return ((Task.Classification) task).classNames().size();
    }

    /** The trainable parameters of an initialised block. */
    private static long parameterCount(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    private static float[] labels(int size, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(classes);
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
