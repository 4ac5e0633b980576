package org.djlnas.runtime.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.List;
import java.util.Map;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.engine.EngineSupport;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.PrunerProvider;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OpFactory;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Binds the plug-ins of a {@link PluginCatalog} into one injector:
 *
 * <ul>
 *   <li>{@code Map<String, SearchSpaceProvider>}, {@code Map<String, StrategyProvider>} and {@code
 *       Map<String, OneShotStrategyProvider>}: each provider under its id ({@code MapBinder});
 *   <li>{@code Map<String, EvaluatorProvider>}: each evaluator under its id ({@code MapBinder});
 *   <li>{@code Map<String, BenchmarkTableProvider>}: each built-in tabular benchmark under its id
 *       ({@code MapBinder});
 *   <li>{@code Map<String, PrunerProvider>}, {@code Map<String, DataSourceProvider>}: pruners and
 *       kinds of data set under their ids ({@code MapBinder});
 *   <li>{@code Map<String, EngineSupport>}: each engine module under its engine's name ({@code
 *       MapBinder}), and the {@link EngineSelector} that chooses among them;
 *   <li>{@code Map<String, OpFactory>}: each operation under its name ({@code MapBinder}), and the
 *       {@link OpRegistry} every space builds its operations from;
 *   <li>{@code @DefaultStrategy String}: the strategy a search runs when none is named, {@value
 *       #DEFAULT_STRATEGY} unless another module sets it ({@code OptionalBinder}).
 * </ul>
 *
 * <p>Built-in and third-party plug-ins are bound alike. Duplicate ids never reach the binders: the
 * catalog rejects them, naming the id and both classes.
 */
public final class PluginModule extends AbstractModule {

    /**
     * The strategy a search runs when none is named: random search, the baseline of every other.
     */
    public static final String DEFAULT_STRATEGY = "random";

    private final PluginCatalog catalog;

    /**
     * Creates the module.
     *
     * @param catalog the providers to bind
     */
    public PluginModule(PluginCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, SearchSpaceProvider> spaces =
                MapBinder.newMapBinder(binder(), String.class, SearchSpaceProvider.class);
        catalog.spaces().forEach(p -> spaces.addBinding(p.id()).toInstance(p));

        MapBinder<String, StrategyProvider> strategies =
                MapBinder.newMapBinder(binder(), String.class, StrategyProvider.class);
        catalog.strategies().forEach(p -> strategies.addBinding(p.id()).toInstance(p));

        MapBinder<String, OneShotStrategyProvider> oneShotStrategies =
                MapBinder.newMapBinder(binder(), String.class, OneShotStrategyProvider.class);
        catalog.oneShotStrategies()
                .forEach(p -> oneShotStrategies.addBinding(p.id()).toInstance(p));

        MapBinder<String, OpFactory> operations =
                MapBinder.newMapBinder(binder(), String.class, OpFactory.class);
        catalog.operations()
                .forEach(
                        p ->
                                p.operations()
                                        .forEach(
                                                (name, factory) ->
                                                        operations
                                                                .addBinding(name)
                                                                .toInstance(factory)));

        MapBinder<String, EvaluatorProvider> evaluators =
                MapBinder.newMapBinder(binder(), String.class, EvaluatorProvider.class);
        catalog.evaluators().forEach(p -> evaluators.addBinding(p.id()).toInstance(p));

        MapBinder<String, BenchmarkTableProvider> tables =
                MapBinder.newMapBinder(binder(), String.class, BenchmarkTableProvider.class);
        catalog.benchmarkTables().forEach(p -> tables.addBinding(p.id()).toInstance(p));

        MapBinder<String, PrunerProvider> pruners =
                MapBinder.newMapBinder(binder(), String.class, PrunerProvider.class);
        catalog.pruners().forEach(p -> pruners.addBinding(p.id()).toInstance(p));

        MapBinder<String, DataSourceProvider> dataSources =
                MapBinder.newMapBinder(binder(), String.class, DataSourceProvider.class);
        catalog.dataSources().forEach(p -> dataSources.addBinding(p.id()).toInstance(p));

        MapBinder<String, EngineSupport> engines =
                MapBinder.newMapBinder(binder(), String.class, EngineSupport.class);
        catalog.engines().forEach(p -> engines.addBinding(p.engineName()).toInstance(p));

        OptionalBinder.newOptionalBinder(binder(), Key.get(String.class, DefaultStrategy.class))
                .setDefault()
                .toInstance(DEFAULT_STRATEGY);
    }

    /**
     * Provides the registry of every bound operation.
     *
     * @param factories the operations by name
     * @return the registry
     */
    @Provides
    @Singleton
    OpRegistry operations(Map<String, OpFactory> factories) {
        return OpRegistry.of(List.of(() -> factories));
    }

    /**
     * Provides the engines of every bound engine module, in the order the catalog found them.
     *
     * @return the selector
     */
    @Provides
    @Singleton
    EngineSelector engines() {
        return EngineSelector.of(catalog.engines());
    }
}
