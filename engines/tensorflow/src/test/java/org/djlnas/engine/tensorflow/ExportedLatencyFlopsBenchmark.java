package org.djlnas.engine.tensorflow;

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
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.runtime.profile.Latency;
import org.djlnas.runtime.profile.MultiplyAdds;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.Correlation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TensorFlow half of benchmarks/latency-flops.sh: the same seeded sample of NAS-Bench-201
 * networks as engines/mxnet's {@code LatencyFlopsBenchmark} (C=16, 5 cells per stage, 3×32×32, 10
 * classes), each initialized on PyTorch, exported as a SavedModel and timed through DJL's
 * TensorFlow engine (a {@code Predictor}, batch 1 and batch N, warm-ups then the median of
 * repeats); prints Pearson's and Spearman's correlation between multiply-adds and latency, and the
 * time taken. TensorFlow runs with its own default thread pools. The module's build runs it twice:
 * with TensorFlow's default kernels (oneDNN on this CPU) and with {@code TF_ENABLE_ONEDNN_OPTS=0}
 * (its Eigen kernels, which AVX2-only CPUs run by default).
 *
 * <p>System properties: {@code networks} (100), {@code seed} (1), {@code batch} (8), {@code
 * warmUps} (2), {@code repeats} (5).
 */
@Tag("benchmark")
class ExportedLatencyFlopsBenchmark {

    private static final Shape IMAGE = new Shape(3, 32, 32);

    @TempDir Path folder;

    @Test
    void multiplyAddsAgainstExportedLatency() throws Exception {
        int networks = Integer.getInteger("networks", 100);
        long seed = Long.getLong("seed", 1L);
        int batch = Integer.getInteger("batch", 8);
        Latency latency =
                new Latency(Integer.getInteger("warmUps", 2), Integer.getInteger("repeats", 5));
        NasBench201Space space = space();
        Random random = new Random(seed);
        List<Architecture> sample = new ArrayList<>();
        for (int i = 0; i < networks; i++) {
            sample.add(space.choices().sample(random));
        }
        SavedModelExporter exporter = new SavedModelExporter(ExportComparison.tensorFlow());
        double[] flops = new double[networks];
        double[][] millis = new double[2][networks];
        long exportNanos = 0;
        long timeNanos = 0;
        for (int i = 0; i < networks; i++) {
            Path exported = folder.resolve("net-" + i);
            long start = System.nanoTime();
            flops[i] = export(space.compile(sample.get(i)), i, exporter, exported);
            long exportedAt = System.nanoTime();
            millis[0][i] = time(exported, 1, latency);
            millis[1][i] = time(exported, batch, latency);
            timeNanos += System.nanoTime() - exportedAt;
            exportNanos += exportedAt - start;
            delete(exported);
        }
        System.out.printf(
                "latency-flops: %d NAS-Bench-201 networks exported to TensorFlow"
                        + " (TF_ENABLE_ONEDNN_OPTS=%s), seed %d, batch N=%d, %d warm-ups,"
                        + " median of %d; MFLOPs median %.2f%n",
                networks,
                System.getenv().getOrDefault("TF_ENABLE_ONEDNN_OPTS", "unset"),
                seed,
                batch,
                latency.warmUps(),
                latency.repeats(),
                median(flops) / 1e6);
        for (int kind = 0; kind < 2; kind++) {
            System.out.printf(
                    "latency-flops: TensorFlow batch %d: latency ms min %.3f median %.3f max %.3f;"
                            + " Pearson %.3f, Spearman %.3f%n",
                    kind == 0 ? 1 : batch,
                    Arrays.stream(millis[kind]).min().orElseThrow(),
                    median(millis[kind]),
                    Arrays.stream(millis[kind]).max().orElseThrow(),
                    Correlation.pearson(flops, millis[kind]),
                    Correlation.spearman(flops, millis[kind]));
        }
        System.out.printf(
                "latency-flops: TensorFlow took %.1f s to time (load, warm up, time) and %.1f s to"
                        + " initialize on PyTorch, count and export%n",
                timeNanos / 1e9, exportNanos / 1e9);
    }

    /** Initializes on PyTorch as the profiler does, counts, exports; returns the multiply-adds. */
    private static double export(Block block, int seed, SavedModelExporter exporter, Path directory)
            throws IOException {
        try (Model model = Model.newInstance("export", ai.djl.Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            block.setInitializer(
                    new XavierInitializer(
                            XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN,
                            2),
                    Parameter.Type.WEIGHT);
            Engine.getEngine("PyTorch").setRandomSeed(seed);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1).addAll(IMAGE));
            double flops = MultiplyAdds.of(block).total();
            exporter.export(block, IMAGE, directory);
            return flops;
        }
    }

    private static double time(Path exported, int batch, Latency latency) throws Exception {
        Shape shape = new Shape(batch).addAll(IMAGE);
        float[] values = Latency.inputValues(shape.size());
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(exported)
                        .optEngine(TensorFlowSupport.ENGINE_NAME)
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            return latency.medianMillis(
                    () -> {
                        try (NDManager pass = manager.newSubManager()) {
                            NDArray input = pass.create(values, shape);
                            predictor.predict(new NDList(input)).head().toByteArray();
                        } catch (TranslateException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }

    private static NasBench201Space space() {
        NasBench201Provider provider = new NasBench201Provider();
        return (NasBench201Space)
                provider.create(
                        Settings.resolve(
                                "space '" + provider.id() + "'",
                                provider.settings(),
                                Map.of(
                                        "channels", "16",
                                        "cells", "5",
                                        "input-channels", "3",
                                        "classes", "10")),
                        OpRegistry.discover());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.delete(path);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
