package org.djlnas.runtime.wiring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.engine.EngineSupport;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.PrunerProvider;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OperationProvider;
import org.djlnas.api.plugin.Discovery;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * The plug-in providers found on a class path, of every kind, in the order they were found.
 * Built-in spaces, strategies, operations, evaluators, pruners, data sources, benchmark tables and
 * engines are found exactly like third-party ones: through their {@code META-INF/services} files,
 * by {@link Discovery}.
 *
 * <p>Every kind follows the same rules, checked when the catalog is made: no two providers of a
 * kind share an id (multi-trial and one-shot strategies share one namespace; no two operation
 * providers contribute the same operation name; no two engine supports describe the same engine),
 * and a clash names the id and both classes. Ids are kebab-case, except operation names and engine
 * names, which keep the spelling spaces and DJL use.
 *
 * @param spaces the search space providers
 * @param strategies the multi-trial strategy providers
 * @param oneShotStrategies the one-shot strategy providers
 * @param operations the operation providers
 * @param evaluators the evaluator providers
 * @param benchmarkTables the built-in tabular benchmarks
 * @param pruners the rules that stop trials early
 * @param dataSources the kinds of data set
 * @param engines the engine modules
 */
public record PluginCatalog(
        List<SearchSpaceProvider> spaces,
        List<StrategyProvider> strategies,
        List<OneShotStrategyProvider> oneShotStrategies,
        List<OperationProvider> operations,
        List<EvaluatorProvider> evaluators,
        List<BenchmarkTableProvider> benchmarkTables,
        List<PrunerProvider> pruners,
        List<DataSourceProvider> dataSources,
        List<EngineSupport> engines) {

    /**
     * Copies the lists and checks the ids.
     *
     * @throws IllegalStateException naming the id and both classes if two providers clash, or the
     *     id and its class if an id is not kebab-case
     */
    public PluginCatalog {
        spaces = List.copyOf(spaces);
        strategies = List.copyOf(strategies);
        oneShotStrategies = List.copyOf(oneShotStrategies);
        operations = List.copyOf(operations);
        evaluators = List.copyOf(evaluators);
        benchmarkTables = List.copyOf(benchmarkTables);
        pruners = List.copyOf(pruners);
        dataSources = List.copyOf(dataSources);
        engines = List.copyOf(engines);
        Discovery.byId("space", spaces, SearchSpaceProvider::id);
        Discovery.byId("evaluator", evaluators, EvaluatorProvider::id);
        Discovery.byId("benchmark table", benchmarkTables, BenchmarkTableProvider::id);
        Discovery.byId("pruner", pruners, PrunerProvider::id);
        Discovery.byId("data source", dataSources, DataSourceProvider::id);
        Discovery.byName("engine", engines, EngineSupport::engineName);
        Map<String, Object> strategyIds = new HashMap<>();
        strategies.forEach(p -> claimStrategy(strategyIds, p.id(), p));
        oneShotStrategies.forEach(p -> claimStrategy(strategyIds, p.id(), p));
        Map<String, Object> operationNames = new HashMap<>();
        for (OperationProvider provider : operations) {
            provider.operations()
                    .keySet()
                    .forEach(
                            name ->
                                    Discovery.claim(
                                            operationNames,
                                            name,
                                            provider,
                                            "two operation providers contribute the operation"));
        }
    }

    /**
     * Creates a catalog of spaces, strategies, operations and evaluators only.
     *
     * @param spaces the search space providers
     * @param strategies the multi-trial strategy providers
     * @param oneShotStrategies the one-shot strategy providers
     * @param operations the operation providers
     * @param evaluators the evaluator providers
     * @throws IllegalStateException naming the id and both classes if two providers clash
     */
    public PluginCatalog(
            List<SearchSpaceProvider> spaces,
            List<StrategyProvider> strategies,
            List<OneShotStrategyProvider> oneShotStrategies,
            List<OperationProvider> operations,
            List<EvaluatorProvider> evaluators) {
        this(
                spaces,
                strategies,
                oneShotStrategies,
                operations,
                evaluators,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /**
     * Finds every provider that {@link java.util.ServiceLoader} sees through a class loader.
     *
     * @param loader the class loader to search (its class path, with the plug-in jars on it)
     * @return the catalog
     * @throws IllegalStateException if two providers clash
     * @throws java.util.ServiceConfigurationError if a listed provider cannot be loaded
     */
    public static PluginCatalog discover(ClassLoader loader) {
        return new PluginCatalog(
                Discovery.load(SearchSpaceProvider.class, loader),
                Discovery.load(StrategyProvider.class, loader),
                Discovery.load(OneShotStrategyProvider.class, loader),
                Discovery.load(OperationProvider.class, loader),
                Discovery.load(EvaluatorProvider.class, loader),
                Discovery.load(BenchmarkTableProvider.class, loader),
                Discovery.load(PrunerProvider.class, loader),
                Discovery.load(DataSourceProvider.class, loader),
                Discovery.load(EngineSupport.class, loader));
    }

    /**
     * Finds every provider on the class path of the current thread's context class loader, as
     * {@link java.util.ServiceLoader#load(Class)} does.
     *
     * @return the catalog
     * @throws IllegalStateException if two providers clash
     * @throws java.util.ServiceConfigurationError if a listed provider cannot be loaded
     */
    public static PluginCatalog discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    private static void claimStrategy(Map<String, Object> owners, String id, Object provider) {
        Discovery.claim(owners, id, provider, "two strategy providers use the id");
        Discovery.requireKebabCase("strategy", id, provider);
    }
}
