package org.djlnas.runtime.wiring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OperationProvider;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * The plug-in providers found on a class path, of every kind, in the order they were found.
 * Built-in spaces, strategies and operations are found exactly like third-party ones: through their
 * {@code META-INF/services} files.
 *
 * <p>Ids are checked when the catalog is made: no two providers of a kind share an id, multi-trial
 * and one-shot strategies share one namespace, and no two operation providers contribute the same
 * operation name. A clash names the id and both classes.
 *
 * @param spaces the search space providers
 * @param strategies the multi-trial strategy providers
 * @param oneShotStrategies the one-shot strategy providers
 * @param operations the operation providers
 * @param evaluators the evaluator providers
 * @param benchmarkTables the built-in tabular benchmarks
 */
public record PluginCatalog(
        List<SearchSpaceProvider> spaces,
        List<StrategyProvider> strategies,
        List<OneShotStrategyProvider> oneShotStrategies,
        List<OperationProvider> operations,
        List<EvaluatorProvider> evaluators,
        List<BenchmarkTableProvider> benchmarkTables) {

    /**
     * Copies the lists and checks the ids.
     *
     * @throws IllegalStateException naming the id and both classes if two providers clash
     */
    public PluginCatalog {
        spaces = List.copyOf(spaces);
        strategies = List.copyOf(strategies);
        oneShotStrategies = List.copyOf(oneShotStrategies);
        operations = List.copyOf(operations);
        evaluators = List.copyOf(evaluators);
        benchmarkTables = List.copyOf(benchmarkTables);
        Map<String, Object> tableIds = new HashMap<>();
        benchmarkTables.forEach(
                p -> claim(tableIds, p.id(), p, "two benchmark table providers use the id"));
        Map<String, Object> evaluatorIds = new HashMap<>();
        evaluators.forEach(
                p -> claim(evaluatorIds, p.id(), p, "two evaluator providers use the id"));
        Map<String, Object> spaceIds = new HashMap<>();
        spaces.forEach(p -> claim(spaceIds, p.id(), p, "two space providers use the id"));
        Map<String, Object> strategyIds = new HashMap<>();
        strategies.forEach(p -> claim(strategyIds, p.id(), p, "two strategy providers use the id"));
        oneShotStrategies.forEach(
                p -> claim(strategyIds, p.id(), p, "two strategy providers use the id"));
        Map<String, Object> operationNames = new HashMap<>();
        for (OperationProvider provider : operations) {
            provider.operations()
                    .keySet()
                    .forEach(
                            name ->
                                    claim(
                                            operationNames,
                                            name,
                                            provider,
                                            "two operation providers contribute the operation"));
        }
    }

    /**
     * Creates a catalog without built-in tabular benchmarks.
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
        this(spaces, strategies, oneShotStrategies, operations, evaluators, List.of());
    }

    /**
     * Finds every provider that {@link ServiceLoader} sees through a class loader.
     *
     * @param loader the class loader to search (its class path, with the plug-in jars on it)
     * @return the catalog
     * @throws IllegalStateException if two providers clash
     * @throws java.util.ServiceConfigurationError if a listed provider cannot be loaded
     */
    public static PluginCatalog discover(ClassLoader loader) {
        return new PluginCatalog(
                load(SearchSpaceProvider.class, loader),
                load(StrategyProvider.class, loader),
                load(OneShotStrategyProvider.class, loader),
                load(OperationProvider.class, loader),
                load(EvaluatorProvider.class, loader),
                load(BenchmarkTableProvider.class, loader));
    }

    /**
     * Finds every provider on the class path of the current thread's context class loader, as
     * {@link ServiceLoader#load(Class)} does.
     *
     * @return the catalog
     * @throws IllegalStateException if two providers clash
     * @throws java.util.ServiceConfigurationError if a listed provider cannot be loaded
     */
    public static PluginCatalog discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    private static <T> List<T> load(Class<T> type, ClassLoader loader) {
        return ServiceLoader.load(type, loader).stream().map(ServiceLoader.Provider::get).toList();
    }

    private static void claim(Map<String, Object> owners, String id, Object provider, String what) {
        Object previous = owners.putIfAbsent(id, provider);
        if (previous != null) {
            throw new IllegalStateException(
                    what
                            + " '"
                            + id
                            + "': "
                            + previous.getClass().getName()
                            + " and "
                            + provider.getClass().getName());
        }
    }
}
