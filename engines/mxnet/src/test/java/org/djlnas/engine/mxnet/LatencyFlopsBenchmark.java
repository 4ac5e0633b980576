package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.runtime.profile.Latency;
import org.djlnas.runtime.profile.NetworkProfiler;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.Correlation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How well multiply-adds predict latency (benchmarks/latency-flops.sh): a seeded sample of
 * NAS-Bench-201 networks (C=16, 5 cells per stage, 3×32×32 input, 10 classes, as the benchmark's
 * CIFAR-10 networks), each profiled on PyTorch and on MXNet in turn (the engines alternate per
 * network, so that the machine's drift falls on both alike): multiply-adds, and the median
 * inference latency of one example and of a batch. Prints, per engine, Pearson's and Spearman's
 * correlation between multiply-adds and each latency, and the time taken.
 *
 * <p>System properties: {@code networks} (100), {@code seed} (1), {@code batch} (8), {@code
 * warmUps} (2), {@code repeats} (5).
 */
@Tag("benchmark")
class LatencyFlopsBenchmark {

    private static final List<String> ENGINES = List.of("PyTorch", "MXNet");

    @Test
    void multiplyAddsAgainstLatency() {
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
        Map<String, NetworkProfiler> profilers = new LinkedHashMap<>();
        Map<String, double[][]> measured = new LinkedHashMap<>();
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (String engine : ENGINES) {
            profilers.put(
                    engine,
                    new NetworkProfiler(
                            engine, Device.cpu(), new Shape(3, 32, 32), batch, latency));
            measured.put(engine, new double[3][networks]);
            nanos.put(engine, 0L);
        }
        Set<String> metrics = Set.of(Metrics.FLOPS, Metrics.LATENCY_MS, Metrics.LATENCY_BATCH_MS);
        for (int i = 0; i < networks; i++) {
            List<String> order = new ArrayList<>(ENGINES);
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String engine : order) {
                long start = System.nanoTime();
                Map<String, Double> profile =
                        profilers
                                .get(engine)
                                .measureUntrained(space.compile(sample.get(i)), i, metrics);
                nanos.merge(engine, System.nanoTime() - start, Long::sum);
                double[][] values = measured.get(engine);
                values[0][i] = profile.get(Metrics.FLOPS);
                values[1][i] = profile.get(Metrics.LATENCY_MS);
                values[2][i] = profile.get(Metrics.LATENCY_BATCH_MS);
            }
        }
        System.out.printf(
                "latency-flops: %d NAS-Bench-201 networks (C=16, N=5, 3x32x32, 10 classes), seed"
                        + " %d, batch N=%d, %d warm-ups, median of %d%n",
                networks, seed, batch, latency.warmUps(), latency.repeats());
        double[] flops = measured.get(ENGINES.get(0))[0];
        System.out.printf(
                "latency-flops: MFLOPs (multiply-adds) min %.2f median %.2f max %.2f%n",
                min(flops) / 1e6, median(flops) / 1e6, max(flops) / 1e6);
        for (String engine : ENGINES) {
            double[][] values = measured.get(engine);
            assertThat(values[0]).containsExactly(flops);
            for (int kind = 1; kind <= 2; kind++) {
                System.out.printf(
                        "latency-flops: %s batch %d: latency ms min %.3f median %.3f max %.3f;"
                                + " Pearson %.3f, Spearman %.3f%n",
                        engine,
                        kind == 1 ? 1 : batch,
                        min(values[kind]),
                        median(values[kind]),
                        max(values[kind]),
                        Correlation.pearson(flops, values[kind]),
                        Correlation.spearman(flops, values[kind]));
            }
            System.out.printf(
                    "latency-flops: %s took %.1f s (compile, initialize, count, time)%n",
                    engine, nanos.get(engine) / 1e9);
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

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
