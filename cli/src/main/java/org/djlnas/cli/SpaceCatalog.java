package org.djlnas.cli;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.djlnas.api.space.SearchSpaceProvider;

/** The search spaces found on the class path, sorted by id. */
final class SpaceCatalog {

    private final List<SearchSpaceProvider> providers;

    private SpaceCatalog(List<SearchSpaceProvider> providers) {
        this.providers = providers;
    }

    /**
     * Finds the space providers listed in {@code META-INF/services}.
     *
     * @return the catalog
     */
    static SpaceCatalog discover() {
        return new SpaceCatalog(
                ServiceLoader.load(SearchSpaceProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .sorted((a, b) -> a.id().compareTo(b.id()))
                        .toList());
    }

    /**
     * Returns every provider, sorted by id.
     *
     * @return the providers
     */
    List<SearchSpaceProvider> all() {
        return providers;
    }

    /**
     * Returns the provider of a space.
     *
     * @param id the space's id
     * @return its provider
     * @throws IllegalArgumentException listing the known ids if there is none
     */
    SearchSpaceProvider find(String id) {
        for (SearchSpaceProvider provider : providers) {
            if (provider.id().equals(id)) {
                return provider;
            }
        }
        throw new IllegalArgumentException(
                "unknown space '"
                        + id
                        + "'; known spaces: "
                        + (providers.isEmpty()
                                ? "none (no space module is on the class path)"
                                : providers.stream()
                                        .map(SearchSpaceProvider::id)
                                        .collect(Collectors.joining(", "))));
    }
}
