package org.djlnas.runtime.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.spaces.nasbench201.NasBench201Cifar10Table;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tabular benchmark measures each network's parameters before its lookup, on request. */
class TabularBenchmarkParametersTest {

    @TempDir java.nio.file.Path folder;

    private final NasBench201Provider spaces = new NasBench201Provider();
    private final SearchSpace space =
            spaces.create(Settings.defaults("space", spaces.settings()), OpRegistry.discover());

    private Evaluator evaluator(EngineSelector engines) throws Exception {
        TabularBenchmarkEvaluatorProvider provider = new TabularBenchmarkEvaluatorProvider();
        return provider.create(
                new EvaluatorContext(
                        space,
                        Settings.resolve(
                                "evaluator 'benchmark'",
                                provider.settings(),
                                Map.of("table", NasBench201Cifar10Table.ID)),
                        1,
                        Optional.empty(),
                        folder,
                        Optional.empty(),
                        Map.of(NasBench201Cifar10Table.ID, new NasBench201Cifar10Table()),
                        engines));
    }

    private TrialSpec trial(String op) {
        String cell =
                "|" + op + "~0|+|" + op + "~0|" + op + "~1|+|" + op + "~0|" + op + "~1|" + op
                        + "~2|";
        Architecture architecture = ((BenchmarkStringCodec) space).fromBenchmarkString(cell);
        return new TrialSpec(1, architecture, Budget.ofEpochs(1), 1);
    }

    @Test
    void parametersAreTheBenchmarkNetworksCountedBeforeTheLookup() throws Exception {
        Evaluator evaluator = evaluator(EngineSelector.discover());
        assertThat(evaluator.reportedMetrics()).contains(Metrics.SCORE, Metrics.PARAMETERS);
        assertThat(evaluator.metricsBeforeTraining()).containsExactly(Metrics.PARAMETERS);
        Set<String> parameters = Set.of(Metrics.PARAMETERS);
        // NAS-Bench-201's own counts: 1.53 M with every edge a 3×3 convolution, 73 k with none.
        assertThat(evaluator.measureBeforeTraining(trial("nor_conv_3x3"), parameters))
                .isEqualTo(Map.of(Metrics.PARAMETERS, 1_531_546.0));
        assertThat(evaluator.measureBeforeTraining(trial("skip_connect"), parameters))
                .isEqualTo(Map.of(Metrics.PARAMETERS, 73_306.0));
        assertThat(evaluator.measureBeforeTraining(trial("nor_conv_3x3"), parameters))
                .isEqualTo(Map.of(Metrics.PARAMETERS, 1_531_546.0));
        assertThat(evaluator.measureBeforeTraining(trial("nor_conv_3x3"), Set.of())).isEmpty();
    }

    @Test
    void theLookupAloneNeedsNoEngine() throws Exception {
        Evaluator evaluator = evaluator(EngineSelector.none());
        assertThat(evaluator.evaluate(trial("nor_conv_3x3")).keySet())
                .containsExactly(Metrics.SCORE);
        assertThatThrownBy(
                        () ->
                                evaluator.measureBeforeTraining(
                                        trial("nor_conv_3x3"), Set.of(Metrics.PARAMETERS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no engine module is on the class path");
    }

    @Test
    void askingForAMetricItCannotMeasureUntrainedIsRefused() throws Exception {
        Evaluator evaluator = evaluator(EngineSelector.discover());
        assertThatThrownBy(
                        () ->
                                evaluator.measureBeforeTraining(
                                        trial("nor_conv_3x3"), Set.of(Metrics.FLOPS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[parameters]")
                .hasMessageContaining("flops");
    }
}
