package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Metrics;
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
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Trains NAS-Bench-201 networks on real Fashion-MNIST on MXNet through the same evaluator as on
 * PyTorch: training steps, batch normalisation's recalibration, validation and latency.
 */
@Tag("integration")
class MxNetTrainingTest {

    /** Convolutions, skips and a 1×1 convolution: every kind of edge a trained cell has. */
    private static final String CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|";

    private Architecture architecture;
    private TrainingEvaluator evaluator;

    @BeforeEach
    void createEvaluator() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        String engine =
                EngineSelector.discover()
                        .select(Optional.of(MxNetSupport.ENGINE_NAME), EngineCapability.TRAIN)
                        .getEngineName();
        NasBench201Space space = space();
        architecture = space.fromBenchmarkString(CELL);
        evaluator =
                new TrainingEvaluator(
                        space,
                        new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY),
                        engine,
                        TrainingSettings.defaults().withSplit(new DataSplit(0, 0.1, 640)),
                        EngineSelector.discover());
    }

    @Test
    void aTrialOfANasBench201NetworkLearnsFashionMnist() throws Exception {
        Map<String, Double> metrics =
                evaluator.evaluate(new TrialSpec(1, architecture, new Budget(1, 4000), 42));

        System.out.println("MXNet, 1 epoch × 4000 examples, C=8: " + metrics);
        assertThat(metrics.values()).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
        assertThat(metrics.get(TrainingEvaluator.SKIPPED_STEPS)).isZero();
        assertThat(metrics.get(Metrics.ACCURACY)).as("chance is 0.1").isGreaterThan(0.5);
    }

    /**
     * Trials on two threads share MXNet's engine: its training mode is per thread, so one trial
     * validating while the other trains does not disturb either, and a trial gives the same result
     * alone and alongside another.
     */
    @Test
    void trialsRunInParallelAndRepeat() throws Exception {
        TrialSpec first = new TrialSpec(2, architecture, new Budget(1, 640), 1);
        TrialSpec second = new TrialSpec(3, architecture, new Budget(1, 640), 2);
        Map<String, Double> alone = evaluator.evaluate(first);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, Double>> firstAgain = pool.submit(() -> evaluator.evaluate(first));
            Future<Map<String, Double>> other = pool.submit(() -> evaluator.evaluate(second));
            assertThat(firstAgain.get().get(Metrics.LOSS)).isEqualTo(alone.get(Metrics.LOSS));
            assertThat(other.get().get(Metrics.LOSS)).isFinite();
        } finally {
            pool.shutdown();
        }
    }

    /** NAS-Bench-201 with 8 channels, one cell per stage, for 1×28×28 images and 10 classes. */
    private static NasBench201Space space() {
        NasBench201Provider provider = new NasBench201Provider();
        return (NasBench201Space)
                provider.create(
                        Settings.resolve(
                                "space '" + provider.id() + "'",
                                provider.settings(),
                                Map.of(
                                        "channels", "8",
                                        "cells", "1",
                                        "input-channels", "1",
                                        "classes", "10")),
                        OpRegistry.discover());
    }
}
