package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.djlnas.api.data.Task;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.spaces.darts.DartsProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Resident memory and open arrays after each DARTS (first order), GDAS or SPOS step of the
 * benchmark supernet (docs/benchmarks.md, "One-shot step memory"): the `darts` space with C=8, 5
 * layers, 4 nodes, a batch of random 1×28×28 images, on PyTorch. Each line gives the step's peak
 * RSS ({@code VmHWM}, reset before the step through {@code /proc/self/clear_refs}; Linux only) and
 * how many arrays the supernet's managers hold. Environment: {@code PROBE_MODE} gdas (default),
 * darts (the architecture step on the full mixtures, then the weight step) or spos; the line
 * "built" gives the memory before the first step, with the supernet and its batches allocated;
 * {@code PROBE_STEPS} (4), {@code PROBE_BATCH} (64), {@code PROBE_FIXED} set: every GDAS step draws
 * the same paths.
 */
@Tag("benchmark")
class StepMemoryBenchmark {

    @Test
    void printsMemoryAfterEachStep() throws IOException {
        String mode = System.getenv().getOrDefault("PROBE_MODE", "gdas");
        int steps = Integer.parseInt(System.getenv().getOrDefault("PROBE_STEPS", "4"));
        int batchSize = Integer.parseInt(System.getenv().getOrDefault("PROBE_BATCH", "64"));
        DartsProvider provider = new DartsProvider();
        OneShotSpace space =
                (OneShotSpace)
                        provider.create(
                                Settings.resolve(
                                        "space",
                                        provider.settings(),
                                        Map.of(
                                                "channels", "8",
                                                "layers", "5",
                                                "nodes", "4",
                                                "input-channels", "1",
                                                "classes", "10")),
                                OpRegistry.discover());
        Task task =
                new Task.Classification(
                        IntStream.range(0, 10).mapToObj(Integer::toString).toList());
        System.out.printf("start: %s%n", memory());
        try (Supernet supernet =
                        Supernet.create(
                                space, "PyTorch", new Shape(batchSize, 1, 28, 28), 1, task);
                NDManager manager = supernet.newSubManager()) {
            Batch train = batch(manager, batchSize, 1);
            Batch search = batch(manager, batchSize, 2);
            MomentumSgd sgd = new MomentumSgd(supernet.weights(), 0.9, 3e-4);
            Adam adam = new Adam(supernet.alphas().arrays(), 3e-4, 0.5, 0.999, 1e-3, 1e-8);
            WeightStep weightStep = new WeightStep(supernet, sgd, 5);
            SplittableRandom random = new SplittableRandom(1);
            if (mode.equals("gdas")) {
                supernet.samplePaths(new GumbelSampler(10, random));
            }
            System.out.printf("built: %s, open %d%n", memory(), open(manager));
            for (int step = 1; step <= steps; step++) {
                resetPeak();
                if (mode.equals("gdas") && System.getenv("PROBE_FIXED") != null) {
                    supernet.samplePaths(new GumbelSampler(10, new SplittableRandom(1)));
                }
                long start = System.nanoTime();
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    if (!mode.equals("spos")) {
                        supernet.backward(search, Supernet.Gradients.ARCHITECTURE);
                        adam.step(supernet.alphaGradients());
                        System.out.printf("  arch: %s, open %d%n", memory(), open(manager));
                    } else {
                        supernet.alphas().choosePaths(space.sample(random));
                    }
                    resetPeak();
                    weightStep.step(train, 0.025);
                }
                System.out.printf(
                        "%s step %d: %.1f s, %s, open %d (base %d)%n",
                        mode,
                        step,
                        (System.nanoTime() - start) / 1e9,
                        memory(),
                        open(manager),
                        open(manager.getParentManager()));
            }
        }
    }

    /** Makes {@code VmHWM} the current resident size again, where Linux allows it. */
    private static void resetPeak() throws IOException {
        Path clear = Path.of("/proc/self/clear_refs");
        if (Files.isWritable(clear)) {
            Files.writeString(clear, "5");
        }
    }

    private static int open(NDManager manager) {
        return manager.getManagedArrays().size();
    }

    private static Batch batch(NDManager manager, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[size * 28 * 28];
        float[] labels = new float[size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(10);
        }
        NDArray data = manager.create(pixels, new Shape(size, 1, 28, 28));
        NDArray label = manager.create(labels, new Shape(size));
        return new Batch(
                manager,
                new NDList(data),
                new NDList(label),
                size,
                Batchifier.STACK,
                Batchifier.STACK,
                0,
                1);
    }

    private static String memory() throws IOException {
        long rss = 0;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        Runtime runtime = Runtime.getRuntime();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        return String.format("RSS %d MiB, peak %d MiB, heap %d MiB", rss, hwm, heap);
    }
}
