package org.djlnas.runtime.zerocost;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.BenchmarkTables;
import org.djlnas.testing.Correlation;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spearman's ρ between data-free proxies of untrained NAS-Bench-201 networks (C=16, 5 cells per
 * stage, 3×32×32 input, 10 classes, as in the benchmark) and the built-in CIFAR-10 table:
 * benchmarks/zero-cost-nb201.sh. {@code -Dproxies=synflow,params}, {@code -Dsample=N} (a seeded
 * random sample of the table, 0 for all 15,625 in the table's order; 15625 for all of them
 * shuffled, so that the ρ printed every 500 networks is that of a seeded random sample), {@code
 * -DsampleSeed=S}; every network is initialised with the same seed, {@code -Dseed}. Scores go to
 * {@code target/zero-cost-nb201.csv}, a row as soon as a network is scored, so that a run stopped
 * early leaves a seeded random sample ({@code benchmarks/spearman.py} reads it).
 */
@Tag("benchmark")
class ZeroCostNb201Benchmark {

    @Test
    void spearmanAgainstCifar10() throws IOException {
        List<String> proxies = List.of(System.getProperty("proxies", "synflow,params").split(","));
        int sample = Integer.getInteger("sample", 0);
        long seed = Long.getLong("seed", 1);
        List<BenchmarkTables.Row> rows =
                new ArrayList<>(BenchmarkTables.rows(BenchmarkTables.NAS_BENCH_201_CIFAR10));
        if (sample > 0) {
            Collections.shuffle(rows, new Random(Long.getLong("sampleSeed", 1)));
            rows = rows.subList(0, Math.min(sample, rows.size()));
        }
        NasBench201Provider provider = new NasBench201Provider();
        NasBench201Space space =
                (NasBench201Space)
                        provider.create(
                                Settings.resolve("space", provider.settings(), Map.of()),
                                OpRegistry.discover());
        String engine = TestEngine.name();
        Path out = Path.of("target", "zero-cost-nb201.csv");
        Files.createDirectories(out.getParent());
        double[] accuracy = rows.stream().mapToDouble(BenchmarkTables.Row::score).toArray();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("architecture,accuracy," + String.join(",", proxies));
            double[][] scores = new double[proxies.size()][rows.size()];
            double[] seconds = new double[proxies.size()];
            List<ProxyScorer> scorers = new ArrayList<>();
            for (String proxy : proxies) {
                scorers.add(
                        new ProxyScorer(
                                space,
                                ZeroCostProxies.require("proxy", proxy),
                                engine,
                                EngineSelector.discover(),
                                new Shape(3, 32, 32),
                                Optional.empty(),
                                DataSplit.of(seed),
                                1));
            }
            for (int i = 0; i < rows.size(); i++) {
                for (int p = 0; p < proxies.size(); p++) {
                    long start = System.nanoTime();
                    try {
                        scores[p][i] =
                                scorers.get(p)
                                        .score(
                                                space.fromBenchmarkString(
                                                        rows.get(i).architecture()),
                                                seed,
                                                0);
                    } catch (TrialFailedException e) {
                        scores[p][i] = Double.NaN;
                    }
                    seconds[p] += (System.nanoTime() - start) / 1e9;
                }
                StringBuilder line =
                        new StringBuilder(rows.get(i).architecture() + "," + accuracy[i]);
                for (double[] score : scores) {
                    line.append(',').append(score[i]);
                }
                csv.println(line);
                csv.flush();
                if ((i + 1) % 500 == 0) {
                    report(proxies, scores, accuracy, seconds, i + 1, engine);
                }
            }
            report(proxies, scores, accuracy, seconds, rows.size(), engine);
            for (double[] score : scores) {
                assertThat(Correlation.spearman(score, accuracy)).isFinite();
            }
        }
    }

    /** Prints each proxy's ρ over the first {@code n} networks of the (shuffled) table. */
    private static void report(
            List<String> proxies,
            double[][] scores,
            double[] accuracy,
            double[] seconds,
            int n,
            String engine) {
        for (int p = 0; p < proxies.size(); p++) {
            System.out.printf(
                    Locale.ROOT,
                    "zero-cost-nb201: %s over %d networks: Spearman rho %.3f, %.3f s per network"
                            + " (%s)%n",
                    proxies.get(p),
                    n,
                    Correlation.spearman(
                            java.util.Arrays.copyOf(scores[p], n),
                            java.util.Arrays.copyOf(accuracy, n)),
                    seconds[p] / n,
                    engine);
        }
    }
}
