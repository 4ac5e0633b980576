package org.djlnas.api.space;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * Contributes one search space. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/org.djlnas.api.space.SearchSpaceProvider}) and need a
 * public no-argument constructor.
 */
public interface SearchSpaceProvider {

    /**
     * Returns the space's kebab-case id.
     *
     * @return the id
     */
    String id();

    /**
     * Returns a one-line description for listings.
     *
     * @return the description
     */
    String description();

    /**
     * Declares the space's settings (channels, depth, classes and so on).
     *
     * @return the settings
     */
    List<SettingSpec> settings();

    /**
     * Creates the space.
     *
     * @param settings resolved settings, as declared by {@link #settings()}
     * @param operations the operations blocks are built from
     * @return the space
     */
    SearchSpace create(Settings settings, OpRegistry operations);
}
