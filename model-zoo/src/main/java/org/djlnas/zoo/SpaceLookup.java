package org.djlnas.zoo;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.plugin.Discovery;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/**
 * Finds search spaces by id among the {@link SearchSpaceProvider}s on the class path, as a plain
 * DJL program has them: through {@link Discovery} (the same rules as the runtime's registry: two
 * spaces with one id are an error naming both classes), with the operations of {@link
 * OpRegistry#discover()}, and no dependency injection.
 */
final class SpaceLookup {

    private SpaceLookup() {}

    /**
     * Creates a space.
     *
     * @param id the space's id
     * @param settings its settings as text, by name
     * @return the space
     * @throws IllegalStateException naming the known spaces if none has the id, or both classes if
     *     two providers use it
     * @throws IllegalArgumentException if a setting is unknown or malformed
     */
    static SearchSpace create(String id, Map<String, String> settings) {
        SearchSpaceProvider provider = provider(id);
        return provider.create(resolve(provider, settings), OpRegistry.discover());
    }

    /**
     * Resolves settings against a space's declarations, defaults included.
     *
     * @param id the space's id
     * @param settings the given settings as text, by name
     * @return every setting of the space as text, by name
     * @throws IllegalStateException naming the known spaces if none has the id
     * @throws IllegalArgumentException if a setting is unknown or malformed
     */
    static SortedMap<String, String> resolvedSettings(String id, Map<String, String> settings) {
        SortedMap<String, String> resolved = new TreeMap<>();
        resolve(provider(id), settings)
                .asMap()
                .forEach((name, value) -> resolved.put(name, String.valueOf(value)));
        return resolved;
    }

    private static Settings resolve(SearchSpaceProvider provider, Map<String, String> settings) {
        return Settings.resolve("space '" + provider.id() + "'", provider.settings(), settings);
    }

    private static SearchSpaceProvider provider(String id) {
        Map<String, SearchSpaceProvider> providers =
                new TreeMap<>(
                        Discovery.byId(
                                "space",
                                Discovery.load(SearchSpaceProvider.class),
                                SearchSpaceProvider::id));
        SearchSpaceProvider provider = providers.get(id);
        if (provider == null) {
            throw new IllegalStateException(
                    "the model needs search space '"
                            + id
                            + "', which no SearchSpaceProvider on the class path provides (known"
                            + " spaces: "
                            + String.join(", ", providers.keySet())
                            + "); add the jar of the plug-in that provides it");
        }
        return provider;
    }
}
