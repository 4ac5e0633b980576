package org.djlnas.runtime.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.spaces.baseline.SmallCnnProvider;
import org.djlnas.spaces.nasbench201.NasBench201Cifar10Table;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularBenchmarkEvaluatorProviderTest {

    private static final String CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private final TabularBenchmarkEvaluatorProvider provider =
            new TabularBenchmarkEvaluatorProvider();

    @TempDir Path folder;

    private static SearchSpace space(SearchSpaceProvider provider) {
        return provider.create(
                Settings.defaults("space", provider.settings()), OpRegistry.discover());
    }

    private EvaluatorContext context(SearchSpace space, String table) {
        return new EvaluatorContext(
                space,
                Settings.resolve(
                        "evaluator 'benchmark'", provider.settings(), Map.of("table", table)),
                1,
                Optional.empty(),
                folder,
                Optional.empty());
    }

    @Test
    void scoresAnArchitectureByItsRowInTheTable() throws Exception {
        Path table = Files.writeString(folder.resolve("t.csv"), "arch,score\n" + CELL + ",93.5\n");
        SearchSpace space = space(new NasBench201Provider());
        Evaluator evaluator = provider.create(context(space, table.toString()));
        Architecture architecture = ((BenchmarkStringCodec) space).fromBenchmarkString(CELL);

        assertThat(evaluator.evaluate(new TrialSpec(1, architecture, Budget.ofEpochs(1), 1)))
                .containsEntry(evaluator.objective(), 93.5);
    }

    @Test
    void aBuiltInTableIsFoundByIdInTheContext() throws Exception {
        SearchSpace space = space(new NasBench201Provider());
        EvaluatorContext context =
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
                        EngineSelector.none());
        Evaluator evaluator = provider.create(context);
        Architecture architecture = ((BenchmarkStringCodec) space).fromBenchmarkString(CELL);

        assertThat(
                        evaluator
                                .evaluate(new TrialSpec(1, architecture, Budget.ofEpochs(1), 1))
                                .get(evaluator.objective()))
                .isBetween(10.0, 94.38);
        assertThat(((TabularBenchmarkEvaluator) evaluator).table().source())
                .isEqualTo(NasBench201Cifar10Table.ID);
    }

    @Test
    void withoutATableOrForASpaceWithoutBenchmarkStringsItSaysWhatIsMissing() {
        assertThatThrownBy(() -> provider.create(context(space(new NasBench201Provider()), "")))
                .hasMessage("evaluator 'benchmark' needs its table: `benchmark` CSV");
        assertThatThrownBy(() -> provider.create(context(space(new SmallCnnProvider()), "t.csv")))
                .hasMessageContaining("space 'small-cnn' has no tabular benchmark strings");
    }
}
