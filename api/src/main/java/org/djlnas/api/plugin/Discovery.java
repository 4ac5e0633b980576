package org.djlnas.api.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one way plug-ins are found: {@link ServiceLoader} discovery, and the same rules for every
 * kind of provider. No two providers of a kind share an id (the error names the id and both
 * classes), and ids of named kinds are kebab-case ({@code regularized-evolution}). Operation names
 * ({@code nor_conv_3x3}) and engine names ({@code PyTorch}) keep the spelling spaces and DJL use,
 * and are checked for clashes only.
 */
public final class Discovery {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Discovery() {}

    /**
     * Loads every provider of a type that {@link ServiceLoader} sees through a class loader, in the
     * order found.
     *
     * @param type the provider interface
     * @param loader the class loader whose class path is searched
     * @param <T> the provider type
     * @return the providers
     * @throws java.util.ServiceConfigurationError if a listed provider cannot be loaded
     */
    public static <T> List<T> load(Class<T> type, ClassLoader loader) {
        return ServiceLoader.load(type, loader).stream().map(ServiceLoader.Provider::get).toList();
    }

    /**
     * Loads every provider of a type from the current thread's context class loader, as {@link
     * ServiceLoader#load(Class)} does.
     *
     * @param type the provider interface
     * @param <T> the provider type
     * @return the providers
     */
    public static <T> List<T> load(Class<T> type) {
        return load(type, Thread.currentThread().getContextClassLoader());
    }

    /**
     * Keys providers by their kebab-case id, rejecting duplicates.
     *
     * @param kind what the providers provide, for messages ({@code strategy}, {@code space})
     * @param providers the providers, in the order found
     * @param id reads a provider's id
     * @param <T> the provider type
     * @return id → provider, in the order found
     * @throws IllegalStateException naming the id and both classes if two providers share an id, or
     *     naming the id and its class if the id is not kebab-case
     */
    public static <T> Map<String, T> byId(
            String kind, List<? extends T> providers, Function<? super T, String> id) {
        Map<String, T> byId = byName(kind, providers, id);
        byId.forEach((name, provider) -> requireKebabCase(kind, name, provider));
        return byId;
    }

    /**
     * Keys providers by a name that need not be kebab-case (an engine's), rejecting duplicates.
     *
     * @param kind what the providers provide, for messages
     * @param providers the providers, in the order found
     * @param name reads a provider's name
     * @param <T> the provider type
     * @return name → provider, in the order found
     * @throws IllegalStateException naming the name and both classes if two providers share one
     */
    public static <T> Map<String, T> byName(
            String kind, List<? extends T> providers, Function<? super T, String> name) {
        Map<String, T> byName = new LinkedHashMap<>();
        Map<String, Object> owners = new LinkedHashMap<>();
        for (T provider : providers) {
            String key = name.apply(provider);
            claim(owners, key, provider, "two " + kind + " providers use the id");
            byName.put(key, provider);
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * Records that a provider owns a key, rejecting a second owner.
     *
     * @param owners key → the provider that owns it, updated
     * @param key the id or name claimed
     * @param provider the provider claiming it
     * @param what the start of the message, for example {@code two strategy providers use the id}
     * @throws IllegalStateException naming the key and both classes if another provider owns it
     */
    public static void claim(Map<String, Object> owners, String key, Object provider, String what) {
        Object previous = owners.putIfAbsent(key, provider);
        if (previous != null) {
            throw new IllegalStateException(
                    what
                            + " '"
                            + key
                            + "': "
                            + previous.getClass().getName()
                            + " and "
                            + provider.getClass().getName());
        }
    }

    /**
     * Checks that an id is kebab-case: lower-case letters and digits in words joined by {@code -}.
     *
     * @param kind what the provider provides, for the message
     * @param id the id
     * @param provider the provider, named in the message
     * @throws IllegalStateException naming the id and the provider's class if it is not
     */
    public static void requireKebabCase(String kind, String id, Object provider) {
        if (!KEBAB_CASE.matcher(id).matches()) {
            throw new IllegalStateException(
                    kind
                            + " id '"
                            + id
                            + "' of "
                            + provider.getClass().getName()
                            + " is not kebab-case; expected lower-case words joined by '-'");
        }
    }
}
