package org.djlnas.runtime.zerocost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.profile.MultiplyAdds;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every proxy on NAS-Bench-201 cells (C=8, one cell per stage) and Fashion-MNIST. */
@Tag("integration")
class ZeroCostEvaluatorTest {

    private static final String CONVOLUTIONS =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private static final String POOLS =
            "|avg_pool_3x3~0|+|avg_pool_3x3~0|skip_connect~1|+|none~0|avg_pool_3x3~1|nor_conv_1x1~2|";

    private static FashionMnistSource source;
    private static String engine;

    @TempDir Path folder;

    private final NasBench201Space space = space();

    @BeforeAll
    static void loadEngineAndData() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        engine = TestEngine.name();
        source = new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY);
    }

    private static NasBench201Space space() {
        NasBench201Provider provider = new NasBench201Provider();
        return (NasBench201Space)
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
    }

    private Evaluator evaluator(String proxy) throws Exception {
        ZeroCostEvaluatorProvider provider = new ZeroCostEvaluatorProvider();
        Settings settings =
                Settings.resolve(
                        "evaluator",
                        provider.settings(),
                        Map.of("proxy", proxy, "batch-size", "32"));
        return provider.create(
                new EvaluatorContext(
                        space,
                        settings,
                        7,
                        Optional.of(engine),
                        folder,
                        Optional.of(source),
                        Map.of(),
                        EngineSelector.discover()));
    }

    private double score(Evaluator evaluator, String cell, long seed) throws Exception {
        Architecture architecture = space.fromBenchmarkString(cell);
        Map<String, Double> metrics =
                evaluator.evaluate(new TrialSpec(1, architecture, new Budget(1, 2000), seed));
        assertThat(metrics)
                .containsOnlyKeys(evaluator.objective(), ZeroCostEvaluator.PROXY_SECONDS);
        return metrics.get(evaluator.objective());
    }

    @Test
    void everyProxyIsFiniteRepeatableForASeedAndTellsNetworksApart() throws Exception {
        Map<String, Double> convolutions = new LinkedHashMap<>();
        for (String proxy : ZeroCostProxies.ids()) {
            Evaluator evaluator = evaluator(proxy);
            double first = score(evaluator, CONVOLUTIONS, 11);
            assertThat(first).as(proxy).isFinite();
            assertThat(score(evaluator, CONVOLUTIONS, 11)).as(proxy).isEqualTo(first);
            assertThat(score(evaluator, POOLS, 11)).as(proxy).isNotEqualTo(first);
            convolutions.put(proxy, first);
        }
        System.out.println("zero-cost proxies of the all-convolution cell: " + convolutions);
        // Three 3×3 convolutions more than the pooling cell: more parameters, more synaptic flow.
        Evaluator params = evaluator("params");
        assertThat(score(params, CONVOLUTIONS, 11)).isGreaterThan(score(params, POOLS, 11));
        Evaluator synflow = evaluator("synflow");
        assertThat(score(synflow, CONVOLUTIONS, 11)).isGreaterThan(score(synflow, POOLS, 11));
    }

    @Test
    void paramsAndFlopsAreTheTrainableParametersAndMultiplyAdds() throws Exception {
        Architecture architecture = space.fromBenchmarkString(CONVOLUTIONS);
        try (var manager = TestEngine.newManager()) {
            var block = space.compile(architecture);
            block.initialize(
                    manager,
                    ai.djl.ndarray.types.DataType.FLOAT32,
                    new ai.djl.ndarray.types.Shape(1, 1, 28, 28));
            assertThat(score(evaluator("params"), CONVOLUTIONS, 3))
                    .isEqualTo((double) ParameterCount.trainable(block));
            assertThat(score(evaluator("flops"), CONVOLUTIONS, 3))
                    .isEqualTo((double) MultiplyAdds.of(block).total());
        }
    }

    @Test
    void theMinibatchAndWeightsFollowTheTrialSeed() throws Exception {
        Evaluator snip = evaluator("snip");
        assertThat(score(snip, CONVOLUTIONS, 1)).isNotEqualTo(score(snip, CONVOLUTIONS, 2));
    }

    @Test
    void anUnknownProxyIsOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> evaluator("zen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "evaluator setting 'proxy' 'zen' is not a zero-cost proxy; expected one of"
                                + " synflow, snip, grad-norm, jacov, naswot, params, flops");
    }

    @Test
    void aShapeSettingReplacesTheDataForDataFreeProxies() throws Exception {
        assertThat(ZeroCostEvaluatorProvider.exampleShape("3, 32,32", Optional.empty()))
                .isEqualTo(new ai.djl.ndarray.types.Shape(3, 32, 32));
        assertThatThrownBy(() -> ZeroCostEvaluatorProvider.exampleShape("3,x", Optional.empty()))
                .hasMessage(
                        "evaluator setting 'input' is '3,x'; expected positive sizes separated by"
                                + " commas, such as 3,32,32");
        assertThatThrownBy(() -> ZeroCostEvaluatorProvider.exampleShape("", Optional.empty()))
                .hasMessageStartingWith("evaluator 'zero-cost' needs the input's shape");
    }
}
