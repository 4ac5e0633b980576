package org.djlnas.runtime.search;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * The spaces, strategies and operations found on the class path with {@link ServiceLoader}, looked
 * up by id. Built once at the edge of the program and passed on.
 */
public final class Plugins {

    private final Map<String, SearchSpaceProvider> spaces;
    private final Map<String, StrategyProvider> strategies;
    private final Map<String, OneShotStrategyProvider> oneShotStrategies;
    private final OpRegistry operations;

    /**
     * Creates the plug-in set.
     *
     * @param spaces the space providers
     * @param strategies the strategy providers
     * @param oneShotStrategies the one-shot strategy providers
     * @param operations the operations
     */
    public Plugins(
            List<SearchSpaceProvider> spaces,
            List<StrategyProvider> strategies,
            List<OneShotStrategyProvider> oneShotStrategies,
            OpRegistry operations) {
        this.spaces = byId(spaces, SearchSpaceProvider::id, "space");
        this.strategies = byId(strategies, StrategyProvider::id, "strategy");
        this.oneShotStrategies = byId(oneShotStrategies, OneShotStrategyProvider::id, "strategy");
        for (String id : this.oneShotStrategies.keySet()) {
            if (this.strategies.containsKey(id)) {
                throw new IllegalStateException(
                        "a multi-trial and a one-shot strategy both use the id '" + id + "'");
            }
        }
        this.operations = operations;
    }

    /**
     * Finds every plug-in on the class path.
     *
     * @return the plug-ins
     */
    public static Plugins discover() {
        return new Plugins(
                load(SearchSpaceProvider.class),
                load(StrategyProvider.class),
                load(OneShotStrategyProvider.class),
                OpRegistry.discover());
    }

    private static <T> List<T> load(Class<T> type) {
        return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).toList();
    }

    private static <T> Map<String, T> byId(List<T> providers, Function<T, String> id, String kind) {
        Map<String, T> map = new TreeMap<>();
        for (T provider : providers) {
            if (map.put(id.apply(provider), provider) != null) {
                throw new IllegalStateException(
                        "two " + kind + " providers use the id '" + id.apply(provider) + "'");
            }
        }
        return map;
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
