package org.djlnas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.Correlation;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Samples {@code mobilenet} architectures at the default settings (3×32×32 images, 10 classes) and
 * prints, for each, its parameters, its multiply-adds (counted from the blocks' shapes) and its
 * median (and fastest) batch-1 inference latency on the test engine, then the rank correlations
 * between them. Architectures are drawn choice by choice. Run by {@code
 * benchmarks/mobilenet-latency.sh}; the system properties {@code architectures}, {@code seed},
 * {@code warmUp} and {@code repeats} change the defaults (20, 1, 10, 30).
 */
@Tag("benchmark")
class MobileNetLatencyBenchmark {

    private static final int ARCHITECTURES = Integer.getInteger("architectures", 20);
    private static final long SEED = Long.getLong("seed", 1);
    private static final int WARM_UP = Integer.getInteger("warmUp", 10);
    private static final int REPEATS = Integer.getInteger("repeats", 30);
    private static final int SIZE = 32;
    private static final int CHANNELS = 3;
    private static final int CLASSES = 10;

    @Test
    void parametersMultiplyAddsAndLatency() {
        MobileNetSpace space =
                (MobileNetSpace) SpaceFixtures.space(new MobileNetProvider(), Map.of());
        MobileNetSkeleton skeleton = MobileNetSkeleton.of(space.settings());
        SplittableRandom random = new SplittableRandom(SEED);
        Shape input = new Shape(1, CHANNELS, SIZE, SIZE);
        double[] parameters = new double[ARCHITECTURES];
        double[] multiplyAdds = new double[ARCHITECTURES];
        double[] latencies = new double[ARCHITECTURES];
        double[] fastest = new double[ARCHITECTURES];
        double[] blockCounts = new double[ARCHITECTURES];
        System.out.printf(
                Locale.ROOT,
                "mobilenet latency: engine %s, %d architectures (seed %d), input %s, warm-up %d,"
                        + " median of %d%n",
                TestEngine.name(),
                ARCHITECTURES,
                SEED,
                input,
                WARM_UP,
                REPEATS);
        System.out.println(
                "mobilenet | # | depths | blocks k7 | blocks SE | params | MMACs | median ms | min"
                        + " ms");
        try (NDManager manager = TestEngine.newManager()) {
            for (int i = 0; i < ARCHITECTURES; i++) {
                Architecture architecture = sampleEachChoice(space, random);
                List<InvertedResidual> blocks = space.blocks(architecture);
                blockCounts[i] = blocks.size();
                try (NDManager scope = manager.newSubManager()) {
                    Block block =
                            SpaceFixtures.initialized(space.compile(architecture), scope, input);
                    parameters[i] = ParameterCount.trainable(block);
                    multiplyAdds[i] = multiplyAdds(skeleton, blocks);
                    double[] times = millis(block, scope, input);
                    latencies[i] = times[REPEATS / 2];
                    fastest[i] = times[0];
                }
                System.out.printf(
                        Locale.ROOT,
                        "mobilenet | %d | %s | %d | %d | %,d | %.1f | %.2f | %.2f%n",
                        i + 1,
                        depths(space, architecture),
                        blocks.stream().filter(b -> b.kernel() == 7).count(),
                        blocks.stream().filter(InvertedResidual::squeezeExcitation).count(),
                        (long) parameters[i],
                        multiplyAdds[i] / 1e6,
                        latencies[i],
                        fastest[i]);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "mobilenet: Spearman with the median latency: params %.3f, MACs %.3f, blocks %.3f;"
                        + " with the fastest: %.3f, %.3f, %.3f; params~MACs %.3f; latency %.2f to"
                        + " %.2f ms, params %,d to %,d%n",
                Correlation.spearman(parameters, latencies),
                Correlation.spearman(multiplyAdds, latencies),
                Correlation.spearman(blockCounts, latencies),
                Correlation.spearman(parameters, fastest),
                Correlation.spearman(multiplyAdds, fastest),
                Correlation.spearman(blockCounts, fastest),
                Correlation.spearman(parameters, multiplyAdds),
                Arrays.stream(latencies).min().orElseThrow(),
                Arrays.stream(latencies).max().orElseThrow(),
                (long) Arrays.stream(parameters).min().orElseThrow(),
                (long) Arrays.stream(parameters).max().orElseThrow());
        assertThat(Arrays.stream(latencies).boxed().toList())
                .allSatisfy(ms -> assertThat(ms).isPositive().isFinite());
    }

    /**
     * Draws every reachable choice uniformly from its own values, as Once-for-All samples: drawing
     * uniformly over architectures ({@code space.sample}) gives a stage its largest depth 94% of
     * the time, since 18⁴ of its 111,150 sub-architectures have depth 4.
     */
    private static Architecture sampleEachChoice(MobileNetSpace space, SplittableRandom random) {
        Map<String, Object> values = new TreeMap<>();
        Deque<Choice> pending = new ArrayDeque<>(space.choices().roots());
        while (!pending.isEmpty()) {
            Choice choice = pending.pop();
            Object value = choice.sampleValue(random);
            values.put(choice.label(), value);
            pending.addAll(choice.children(value));
        }
        return Architecture.of(values);
    }

    private static String depths(MobileNetSpace space, Architecture architecture) {
        List<String> depths = new ArrayList<>();
        for (int stage = 0; stage < space.choices().roots().size(); stage++) {
            depths.add(Long.toString(architecture.getLong(MobileNetSpace.stageLabel(stage))));
        }
        return String.join("", depths);
    }

    /** Times the repeats after the warm-up, sorted: the median is the middle one. */
    private static double[] millis(Block block, NDManager manager, Shape input) {
        ParameterStore store = new ParameterStore(manager, false);
        NDArray image = manager.randomUniform(0, 1, input);
        double[] times = new double[REPEATS];
        for (int run = -WARM_UP; run < REPEATS; run++) {
            long start = System.nanoTime();
            try (NDList output = block.forward(store, new NDList(image), false)) {
                output.singletonOrThrow().toFloatArray();
            }
            if (run >= 0) {
                times[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(times);
        return times;
    }

    /** Counts the multiply-adds of the convolutions and linear maps of one image. */
    private static double multiplyAdds(MobileNetSkeleton skeleton, List<InvertedResidual> blocks) {
        long side = outputSide(SIZE, skeleton.stemStride());
        double total = (double) side * side * CHANNELS * 9 * skeleton.stemWidth();
        int channels = skeleton.stemWidth();
        for (InvertedResidual block : blocks) {
            long out = outputSide(side, block.stride());
            int hidden = block.hidden();
            total += (double) side * side * block.inChannels() * hidden;
            total += (double) out * out * hidden * block.kernel() * block.kernel();
            if (block.squeezeExcitation()) {
                total += 2.0 * hidden * MobileNetSkeleton.divisible(hidden / 4.0);
            }
            total += (double) out * out * hidden * block.outChannels();
            side = out;
            channels = block.outChannels();
        }
        total += (double) side * side * channels * skeleton.headWidth();
        return total + (double) skeleton.headWidth() * CLASSES;
    }

    private static long outputSide(long side, int stride) {
        return (side - 1) / stride + 1;
    }
}
