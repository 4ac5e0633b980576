package org.djlnas.api.space;

import java.util.Map;

/**
 * The spaces of the program's plug-in registry, for code below the edge that must build a network
 * of a space other than its own (a teacher network for distillation, for example).
 */
@FunctionalInterface
public interface SpaceCatalog {

    /**
     * Creates a space from its id and settings given as text.
     *
     * @param id the space's id
     * @param settings the settings by name; those left out take their defaults
     * @return the space
     * @throws IllegalArgumentException if no space has the id, or a setting is bad
     */
    SearchSpace space(String id, Map<String, String> settings);

    /**
     * Returns a catalog that holds no space.
     *
     * @return the catalog
     */
    static SpaceCatalog none() {
        return (id, settings) -> {
            throw new IllegalArgumentException("no space '" + id + "' is registered here");
        };
    }
}
