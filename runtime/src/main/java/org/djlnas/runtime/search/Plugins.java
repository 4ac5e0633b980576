package org.djlnas.runtime.search;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.PrunerProvider;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.runtime.wiring.DefaultStrategy;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.runtime.wiring.PluginModule;

/**
 * The plug-in registry: the spaces, strategies, operations, evaluators, benchmark tables, pruners,
 * data sources and engines that plug-ins provide, looked up by id. A view of the maps that {@link
 * PluginModule} binds in the injector, built once at the edge of the program (see {@link
 * #discover()}) and passed down: nothing below the edge discovers plug-ins itself.
 *
 * <p>Multi-trial and one-shot strategies keep their own provider interfaces (their strategies have
 * different shapes: ask/tell against one supernet search) but share one id space, and this is the
 * one place that tells them apart ({@link #isOneShot}).
 */
public final class Plugins {

    private final Map<String, SearchSpaceProvider> spaces;
    private final Map<String, StrategyProvider> strategies;
    private final Map<String, OneShotStrategyProvider> oneShotStrategies;
    private final OpRegistry operations;
    private final Map<String, EvaluatorProvider> evaluators;
    private final Map<String, BenchmarkTableProvider> benchmarkTables;
    private final Map<String, PrunerProvider> pruners;
    private final Map<String, DataSourceProvider> dataSources;
    private final EngineSelector engines;
    private final String defaultStrategy;

    /**
     * Creates the view; the injector calls this.
     *
     * @param spaces the space providers by id
     * @param strategies the multi-trial strategy providers by id
     * @param oneShotStrategies the one-shot strategy providers by id
     * @param operations the operations
     * @param evaluators the evaluator providers by id
     * @param benchmarkTables the built-in tabular benchmarks by id
     * @param pruners the rules that stop trials early, by id
     * @param dataSources the kinds of data set, by id
     * @param engines the engine modules
     * @param defaultStrategy the id of the strategy a search runs when none is named
     */
    @Inject
    public Plugins(
            Map<String, SearchSpaceProvider> spaces,
            Map<String, StrategyProvider> strategies,
            Map<String, OneShotStrategyProvider> oneShotStrategies,
            OpRegistry operations,
            Map<String, EvaluatorProvider> evaluators,
            Map<String, BenchmarkTableProvider> benchmarkTables,
            Map<String, PrunerProvider> pruners,
            Map<String, DataSourceProvider> dataSources,
            EngineSelector engines,
            @DefaultStrategy String defaultStrategy) {
        this.spaces = Collections.unmodifiableMap(new TreeMap<>(spaces));
        this.strategies = Collections.unmodifiableMap(new TreeMap<>(strategies));
        this.oneShotStrategies = Collections.unmodifiableMap(new TreeMap<>(oneShotStrategies));
        this.operations = requireNonNull(operations, "operations is null");
        this.evaluators = Collections.unmodifiableMap(new TreeMap<>(evaluators));
        this.benchmarkTables = Collections.unmodifiableMap(new TreeMap<>(benchmarkTables));
        this.pruners = Collections.unmodifiableMap(new TreeMap<>(pruners));
        this.dataSources = Collections.unmodifiableMap(new TreeMap<>(dataSources));
        this.engines = requireNonNull(engines, "engines is null");
        this.defaultStrategy = requireNonNull(defaultStrategy, "defaultStrategy is null");
    }

    /**
     * Finds every plug-in on the class path ({@link PluginCatalog#discover()}) and wires them into
     * one injector ({@link PluginModule}).
     *
     * @return the plug-ins
     * @throws IllegalStateException if two plug-ins use the same id
     */
    public static Plugins discover() {
        return of(PluginCatalog.discover());
    }

    /**
     * Wires the plug-ins of a catalog into one injector ({@link PluginModule}).
     *
     * @param catalog the plug-ins
     * @return the registry
     */
    public static Plugins of(PluginCatalog catalog) {
        return Guice.createInjector(new PluginModule(catalog)).getInstance(Plugins.class);
    }

    /**
     * Returns the space providers by id.
     *
     * @return the providers
     */
    public Map<String, SearchSpaceProvider> spaces() {
        return spaces;
    }

    /**
     * Returns the strategy providers by id.
     *
     * @return the providers
     */
    public Map<String, StrategyProvider> strategies() {
        return strategies;
    }

    /**
     * Returns the operations.
     *
     * @return the registry
     */
    public OpRegistry operations() {
        return operations;
    }

    /**
     * Returns a space provider.
     *
     * @param id the space's id
     * @return the provider
     * @throws IllegalArgumentException listing the known ids if there is none
     */
    public SearchSpaceProvider spaceProvider(String id) {
        return find(spaces, id, "space");
    }

    /**
     * Returns a strategy provider.
     *
     * @param id the strategy's id
     * @return the provider
     * @throws IllegalArgumentException listing the known ids if there is none
     */
    public StrategyProvider strategyProvider(String id) {
        if (!strategies.containsKey(id) && oneShotStrategies.containsKey(id)) {
            throw new IllegalArgumentException(
                    "strategy '" + id + "' is one-shot; it does not propose trials");
        }
        return find(strategies, allStrategyIds(), id);
    }

    /**
     * Returns the id of the strategy a search runs when none is named ({@link DefaultStrategy}).
     *
     * @return the id
     */
    public String defaultStrategy() {
        return defaultStrategy;
    }

    /**
     * Returns the one-shot strategies by id.
     *
     * @return id → provider
     */
    public Map<String, OneShotStrategyProvider> oneShotStrategies() {
        return oneShotStrategies;
    }

    /**
     * Tells whether a strategy id names a one-shot strategy.
     *
     * @param id the id
     * @return true for a one-shot strategy
     */
    public boolean isOneShot(String id) {
        return oneShotStrategies.containsKey(id);
    }

    /**
     * Finds a one-shot strategy by id.
     *
     * @param id the id
     * @return the provider
     * @throws IllegalArgumentException naming every known strategy if there is none
     */
    public OneShotStrategyProvider oneShotStrategyProvider(String id) {
        return find(oneShotStrategies, allStrategyIds(), id);
    }

    private Set<String> allStrategyIds() {
        Set<String> ids = new TreeSet<>(strategies.keySet());
        ids.addAll(oneShotStrategies.keySet());
        return ids;
    }

    private static <T> T find(Map<String, T> providers, Set<String> known, String id) {
        T provider = providers.get(id);
        if (provider == null) {
            throw new IllegalArgumentException(
                    "unknown strategy '"
                            + id
                            + "'; known strategy ids: "
                            + String.join(", ", known));
        }
        return provider;
    }

    /**
     * Creates a space from settings given as text.
     *
     * @param id the space's id
     * @param settings the settings by name
     * @return the space
     */
    public SearchSpace space(String id, Map<String, String> settings) {
        SearchSpaceProvider provider = spaceProvider(id);
        return provider.create(
                Settings.resolve("space '" + id + "'", provider.settings(), settings), operations);
    }

    /**
     * Returns the evaluator providers by id.
     *
     * @return the providers
     */
    public Map<String, EvaluatorProvider> evaluators() {
        return evaluators;
    }

    /**
     * Returns the built-in tabular benchmarks by id.
     *
     * @return the tables
     */
    public Map<String, BenchmarkTableProvider> benchmarkTables() {
        return benchmarkTables;
    }

    /**
     * Returns the rules that stop trials early, by id.
     *
     * @return the providers
     */
    public Map<String, PrunerProvider> pruners() {
        return pruners;
    }

    /**
     * Returns a pruner provider.
     *
     * @param id the pruner's id
     * @return the provider
     * @throws IllegalArgumentException listing the known ids if there is none
     */
    public PrunerProvider prunerProvider(String id) {
        return find(pruners, id, "pruner");
    }

    /**
     * Returns the kinds of data set, by id.
     *
     * @return the providers
     */
    public Map<String, DataSourceProvider> dataSources() {
        return dataSources;
    }

    /**
     * Opens a data set by its kind and location through the data-source plug-ins; reads nothing
     * yet.
     *
     * @param dataset {@code KIND} or {@code KIND:LOCATION}, for example {@code fashion-mnist} or
     *     {@code csv:/data/houses.csv}
     * @param options the kind's options as text, by name
     * @return the source
     * @throws IllegalArgumentException naming {@code dataset} (an unknown kind, a missing location)
     *     or the bad option
     */
    public DataSource dataSource(String dataset, Map<String, String> options) {
        return DataSets.open(dataSources, dataset, options);
    }

    /**
     * Returns the engine modules, as a selector that chooses among them.
     *
     * @return the engines
     */
    public EngineSelector engines() {
        return engines;
    }

    /**
     * Returns the settings a strategy declares, whether it is multi-trial or one-shot.
     *
     * @param id the strategy's id
     * @return its settings
     * @throws IllegalArgumentException naming every known strategy if there is none
     */
    public List<SettingSpec> strategySettings(String id) {
        return isOneShot(id)
                ? oneShotStrategyProvider(id).settings()
                : strategyProvider(id).settings();
    }

    /**
     * Returns an evaluator provider.
     *
     * @param id the evaluator's id
     * @return the provider
     * @throws IllegalArgumentException listing the known ids if there is none
     */
    public EvaluatorProvider evaluatorProvider(String id) {
        return find(evaluators, id, "evaluator");
    }

    private static <T> T find(Map<String, T> providers, String id, String kind) {
        T provider = providers.get(id);
        if (provider == null) {
            throw new IllegalArgumentException(
                    "unknown "
                            + kind
                            + " '"
                            + id
                            + "'; known "
                            + kind
                            + " ids: "
                            + String.join(", ", providers.keySet()));
        }
        return provider;
    }
}
