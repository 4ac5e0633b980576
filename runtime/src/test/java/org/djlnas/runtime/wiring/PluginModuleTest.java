package org.djlnas.runtime.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpFactory;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.op.OperationProvider;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.spaces.ops.StandardOperations;
import org.djlnas.strategies.RandomSearchProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginModuleTest {

    @TempDir Path folder;

    private static Injector injector(PluginCatalog catalog) {
        return Guice.createInjector(new PluginModule(catalog));
    }

    @Test
    void bindsTheBuiltInPluginsByIdAndTheirOperationsByName() {
        Injector injector = injector(PluginCatalog.discover());
        Map<String, StrategyProvider> strategies =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, StrategyProvider>>() {}));
        assertThat(strategies).containsKeys("random", "grid", "regularized-evolution");
        assertThat(strategies.get("random")).isInstanceOf(RandomSearchProvider.class);
        Map<String, SearchSpaceProvider> spaces =
                injector.getInstance(
                        Key.get(new TypeLiteral<Map<String, SearchSpaceProvider>>() {}));
        assertThat(spaces).containsKeys("nas-bench-201", "darts", "small-cnn");
        OpRegistry operations = injector.getInstance(OpRegistry.class);
        assertThat(operations.names()).contains("nor_conv_3x3", "sep_conv_5x5", "skip_connect");
        assertThat(operations.create("nor_conv_3x3", new OpContext(4, 1, true))).isNotNull();

        Plugins plugins = injector.getInstance(Plugins.class);
        assertThat(plugins.strategies()).isEqualTo(strategies);
        assertThat(plugins.oneShotStrategies()).containsKeys("darts", "darts-2nd", "gdas", "spos");
        assertThat(plugins.isOneShot("darts")).isTrue();
        assertThat(plugins.spaceProvider("darts")).isSameAs(spaces.get("darts"));
        assertThat(plugins.operations()).isSameAs(operations);
        Map<String, EvaluatorProvider> evaluators =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, EvaluatorProvider>>() {}));
        assertThat(evaluators).containsKeys("training", "benchmark", "zero-cost");
        assertThat(plugins.evaluatorProvider("training")).isSameAs(evaluators.get("training"));
        assertThatThrownBy(() -> plugins.evaluatorProvider("proxy"))
                // (runtime's tests also register test-slow-lookup, the worker-process tests')
                .hasMessageStartingWith(
                        "unknown evaluator 'proxy'; known evaluator ids: benchmark, ")
                .hasMessageEndingWith(", training, zero-cost");
    }

    @Test
    void aThirdPartyProviderOnTheClassPathIsFoundAndBoundLikeTheBuiltInOnes() throws Exception {
        Path services = folder.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(StrategyProvider.class.getName()),
                "# a plug-in's services file\n" + RenamedStrategy.class.getName() + "\n");
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {folder.toUri().toURL()}, getClass().getClassLoader())) {
            Plugins plugins = injector(PluginCatalog.discover(loader)).getInstance(Plugins.class);
            assertThat(plugins.strategies()).containsKeys(RenamedStrategy.ID, "random");
            assertThat(plugins.strategyProvider(RenamedStrategy.ID))
                    .isInstanceOf(RenamedStrategy.class);
        }
        Plugins without = injector(PluginCatalog.discover()).getInstance(Plugins.class);
        assertThat(without.strategies()).doesNotContainKey(RenamedStrategy.ID);
    }

    @Test
    void theDefaultStrategyIsRandomUnlessAnotherModuleSetsIt() {
        assertThat(injector(PluginCatalog.discover()).getInstance(Plugins.class).defaultStrategy())
                .isEqualTo(PluginModule.DEFAULT_STRATEGY)
                .isEqualTo("random");
        Injector custom =
                Guice.createInjector(
                        new PluginModule(PluginCatalog.discover()),
                        binder ->
                                OptionalBinder.newOptionalBinder(
                                                binder,
                                                Key.get(String.class, DefaultStrategy.class))
                                        .setBinding()
                                        .toInstance("grid"));
        assertThat(custom.getInstance(Plugins.class).defaultStrategy()).isEqualTo("grid");
    }

    @Test
    void twoStrategiesWithOneIdAreAnErrorNamingTheIdAndBothClasses() {
        assertThatThrownBy(
                        () ->
                                new PluginCatalog(
                                        List.of(),
                                        List.of(
                                                new RandomSearchProvider(),
                                                new RenamedStrategy("random")),
                                        List.of(),
                                        List.of(),
                                        List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'random'")
                .hasMessageContaining(RandomSearchProvider.class.getName())
                .hasMessageContaining(RenamedStrategy.class.getName());
    }

    @Test
    void aOneShotStrategyCannotTakeTheIdOfAMultiTrialOne() {
        PluginCatalog builtIn = PluginCatalog.discover();
        assertThatThrownBy(
                        () ->
                                new PluginCatalog(
                                        builtIn.spaces(),
                                        List.of(new RenamedStrategy("darts")),
                                        builtIn.oneShotStrategies(),
                                        builtIn.operations(),
                                        builtIn.evaluators()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'darts'")
                .hasMessageContaining(RenamedStrategy.class.getName())
                .hasMessageContaining("org.djlnas.strategies.oneshot.DartsProvider");
    }

    @Test
    void twoProvidersOfOneOperationAreAnErrorNamingTheOperationAndBothClasses() {
        OperationProvider another = new AnotherConvolution();
        assertThatThrownBy(
                        () ->
                                new PluginCatalog(
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        List.of(new StandardOperations(), another),
                                        List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operation 'nor_conv_3x3'")
                .hasMessageContaining(StandardOperations.class.getName())
                .hasMessageContaining(AnotherConvolution.class.getName());
    }

    /** Contributes an operation under a name the standard operations already use. */
    private static final class AnotherConvolution implements OperationProvider {
        @Override
        public Map<String, OpFactory> operations() {
            return Map.of("nor_conv_3x3", new StandardOperations().operations().get("none"));
        }
    }
}
