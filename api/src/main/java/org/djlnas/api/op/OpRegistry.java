package org.djlnas.api.op;

import ai.djl.nn.Block;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.djlnas.api.plugin.Discovery;

/**
 * Every operation a space can build, by name. Spaces build all their operations through one
 * registry, so a plug-in that adds an operation makes it available to every space.
 */
public final class OpRegistry {

    private final Map<String, OpFactory> factories;

    private OpRegistry(Map<String, OpFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /**
     * Creates a registry from providers.
     *
     * @param providers the providers
     * @return the registry
     * @throws IllegalStateException naming the name and both classes if two providers contribute
     *     the same name
     */
    public static OpRegistry of(List<? extends OperationProvider> providers) {
        Map<String, OpFactory> all = new TreeMap<>();
        Map<String, Object> owners = new HashMap<>();
        for (OperationProvider provider : providers) {
            for (Map.Entry<String, OpFactory> entry : provider.operations().entrySet()) {
                Discovery.claim(
                        owners,
                        entry.getKey(),
                        provider,
                        "two operation providers contribute the operation");
                all.put(entry.getKey(), entry.getValue());
            }
        }
        return new OpRegistry(all);
    }

    /**
     * Creates a registry from the providers found on the class path ({@link Discovery}), for
     * programs without the runtime's registry (a plain DJL program loading a model).
     *
     * @return the registry
     * @throws IllegalStateException if two providers contribute the same name
     */
    public static OpRegistry discover() {
        return of(Discovery.load(OperationProvider.class));
    }

    /**
     * Builds an operation's block.
     *
     * @param name the operation's name
     * @param context channels, stride and normalisation
     * @return a new block
     * @throws IllegalArgumentException naming the known operations if the name is unknown
     */
    public Block create(String name, OpContext context) {
        OpFactory factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown operation '" + name + "'; known operations: " + factories.keySet());
        }
        return factory.create(context);
    }

    /**
     * Checks that every named operation is registered.
     *
     * @param names the operations something needs
     * @param user what needs them, for the message (for example {@code space 'darts'})
     * @return this registry
     * @throws IllegalStateException naming the missing operations
     */
    public OpRegistry requireAll(Collection<String> names, String user) {
        List<String> missing = names.stream().filter(n -> !factories.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    user
                            + " needs operations "
                            + missing
                            + " that no operation provider registers; known operations: "
                            + factories.keySet());
        }
        return this;
    }

    /**
     * Tells whether an operation is registered.
     *
     * @param name the name
     * @return true if registered
     */
    public boolean contains(String name) {
        return factories.containsKey(name);
    }

    /**
     * Returns the registered names, sorted.
     *
     * @return the names
     */
    public Set<String> names() {
        return factories.keySet();
    }
}
