package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.training.TrainingEvaluator;
import org.djlnas.runtime.training.TrainingSettings;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.Correlation;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spearman's ρ between each zero-cost proxy and the validation accuracy after one epoch of
 * training, over a seeded random sample of NAS-Bench-201 networks (C=8, one cell per stage) on
 * Fashion-MNIST, and the time of one proxy evaluation: benchmarks/zero-cost-fashion-mnist.sh.
 * {@code -Dnetworks=60}, {@code -DmaxTrainExamples=4000} (the training subset of the epoch, and
 * what the minibatch is drawn from), {@code -Dseed=1}. Each network's trial seed seeds its training
 * and its proxies alike. Rows go to {@code target/zero-cost-fashion-mnist.csv}.
 */
@Tag("benchmark")
class ZeroCostFashionMnistBenchmark {

    @Test
    void proxiesAgainstOneEpoch() throws IOException {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        int networks = Integer.getInteger("networks", 60);
        int maxTrainExamples = Integer.getInteger("maxTrainExamples", 4000);
        long seed = Long.getLong("seed", 1);
        List<String> proxies =
                List.of(
                        System.getProperty("proxies", String.join(",", ZeroCostProxies.ids()))
                                .split(","));
        NasBench201Provider provider = new NasBench201Provider();
        NasBench201Space space =
                (NasBench201Space)
                        provider.create(
                                Settings.resolve(
                                        "space",
                                        provider.settings(),
                                        Map.of(
                                                "channels", "8",
                                                "cells", "1",
                                                "input-channels", "1",
                                                "classes", "10")),
                                OpRegistry.discover());
        String engine = TestEngine.name();
        FashionMnistSource source = new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY);
        TrainingSettings training = TrainingSettings.defaults().withSplit(DataSplit.of(seed));
        TrainingEvaluator trainer =
                new TrainingEvaluator(space, source, engine, training, EngineSelector.discover());
        List<ProxyScorer> scorers = new ArrayList<>();
        for (String proxy : proxies) {
            scorers.add(
                    new ProxyScorer(
                            space,
                            ZeroCostProxies.require("proxy", proxy),
                            engine,
                            EngineSelector.discover(),
                            new Shape(1, 28, 28),
                            Optional.of(source),
                            training.split(),
                            ZeroCostEvaluatorProvider.DEFAULT_BATCH_SIZE));
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Architecture> sample = new LinkedHashSet<>();
        while (sample.size() < networks) {
            sample.add(space.sample(random));
        }
        double[] accuracy = new double[networks];
        double[][] scores = new double[proxies.size()][networks];
        double[] seconds = new double[proxies.size()];
        double trainSeconds = 0;
        Path out = Path.of("target", "zero-cost-fashion-mnist.csv");
        Files.createDirectories(out.getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("architecture,accuracy," + String.join(",", proxies));
            int i = 0;
            for (Architecture architecture : sample) {
                long trialSeed = seed * 1_000_003L + i;
                long start = System.nanoTime();
                try {
                    accuracy[i] =
                            trainer.evaluate(
                                            new TrialSpec(
                                                    i + 1,
                                                    architecture,
                                                    new Budget(1, maxTrainExamples),
                                                    trialSeed))
                                    .get(Metrics.ACCURACY);
                } catch (Exception e) {
                    accuracy[i] = Double.NaN;
                }
                trainSeconds += (System.nanoTime() - start) / 1e9;
                StringBuilder line =
                        new StringBuilder(
                                space.toBenchmarkString(architecture) + "," + accuracy[i]);
                for (int p = 0; p < proxies.size(); p++) {
                    long proxyStart = System.nanoTime();
                    try {
                        scores[p][i] =
                                scorers.get(p).score(architecture, trialSeed, maxTrainExamples);
                    } catch (TrialFailedException e) {
                        scores[p][i] = Double.NaN;
                    }
                    seconds[p] += (System.nanoTime() - proxyStart) / 1e9;
                    line.append(',').append(scores[p][i]);
                }
                csv.println(line);
                csv.flush();
                i++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "zero-cost-fashion-mnist: %d networks (NB201 C=8, 1 cell per stage), 1 epoch on %d"
                        + " examples: %.1f s per training run (%s)%n",
                networks,
                maxTrainExamples,
                trainSeconds / networks,
                engine);
        for (int p = 0; p < proxies.size(); p++) {
            int finite = 0;
            for (double s : scores[p]) {
                finite += Double.isFinite(s) ? 1 : 0;
            }
            System.out.printf(
                    Locale.ROOT,
                    "zero-cost-fashion-mnist: %-9s Spearman rho %.3f with 1-epoch accuracy,"
                            + " %.3f s per evaluation, %d of %d finite%n",
                    proxies.get(p),
                    Correlation.spearman(ranksWithNonFiniteLast(scores[p]), accuracy),
                    seconds[p] / networks,
                    finite,
                    networks);
        }
    }

    /** A proxy's non-finite scores (−∞, NaN) rank below every finite one. */
    private static double[] ranksWithNonFiniteLast(double[] scores) {
        double[] copy = scores.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!Double.isFinite(copy[i])) {
                copy[i] = -Double.MAX_VALUE;
            }
        }
        return copy;
    }
}
