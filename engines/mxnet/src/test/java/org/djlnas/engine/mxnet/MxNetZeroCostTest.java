package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.zerocost.ZeroCostEvaluatorProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-cost proxies on MXNet: batch normalisation in training mode inside the gradient
 * collector, the ReLU probe of NASWOT, the input gradient of jacov, and synflow, which
 * differentiates batch normalisation in inference mode ({@code MxNetSynflowTest} compares it with
 * PyTorch's).
 */
@Tag("integration")
class MxNetZeroCostTest {

    private static final String CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|";
    private static final List<String> PROXIES =
            List.of("synflow", "snip", "grad-norm", "jacov", "naswot", "params");

    @TempDir Path folder;

    @Test
    void everyProxyIsFiniteAndRepeatableOnMxNet() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        EngineSelector engines = EngineSelector.discover();
        String engine =
                engines.select(Optional.of(MxNetSupport.ENGINE_NAME), EngineCapability.TRAIN)
                        .getEngineName();
        NasBench201Provider spaces = new NasBench201Provider();
        NasBench201Space space =
                (NasBench201Space)
                        spaces.create(
                                Settings.resolve(
                                        "space",
                                        spaces.settings(),
                                        Map.of(
                                                "channels", "8",
                                                "cells", "1",
                                                "input-channels", "1",
                                                "classes", "10")),
                                OpRegistry.discover());
        Architecture architecture = space.fromBenchmarkString(CELL);
        FashionMnistSource data = new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY);
        ZeroCostEvaluatorProvider provider = new ZeroCostEvaluatorProvider();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String proxy : PROXIES) {
            Evaluator evaluator =
                    provider.create(
                            new EvaluatorContext(
                                    space,
                                    Settings.resolve(
                                            "evaluator",
                                            provider.settings(),
                                            Map.of("proxy", proxy, "batch-size", "32")),
                                    3,
                                    Optional.of(engine),
                                    folder,
                                    Optional.of(data),
                                    Map.of(),
                                    engines));
            TrialSpec trial = new TrialSpec(1, architecture, new Budget(1, 2000), 5);
            double first = evaluator.evaluate(trial).get(evaluator.objective());
            assertThat(first).as(proxy).isFinite();
            assertThat(evaluator.evaluate(trial).get(evaluator.objective()))
                    .as(proxy)
                    .isEqualTo(first);
            scores.put(proxy, first);
        }
        System.out.println("zero-cost proxies on MXNet: " + scores);
        // The parameter count does not depend on the engine.
        Evaluator onPyTorch =
                provider.create(
                        new EvaluatorContext(
                                space,
                                Settings.resolve(
                                        "evaluator",
                                        provider.settings(),
                                        Map.of("proxy", "params")),
                                3,
                                Optional.of("PyTorch"),
                                folder,
                                Optional.of(data),
                                Map.of(),
                                engines));
        assertThat(
                        onPyTorch
                                .evaluate(new TrialSpec(1, architecture, new Budget(1, 2000), 5))
                                .get(onPyTorch.objective()))
                .isEqualTo(scores.get("params"));
    }
}
