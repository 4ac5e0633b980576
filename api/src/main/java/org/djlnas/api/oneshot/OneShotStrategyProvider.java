package org.djlnas.api.oneshot;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;

/**
 * Contributes one one-shot strategy. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/org.djlnas.api.oneshot.OneShotStrategyProvider}) and need
 * a public no-argument constructor.
 */
public interface OneShotStrategyProvider {

    /**
     * Returns the strategy's kebab-case id.
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
     * Declares the strategy's settings.
     *
     * @return the settings
     */
    List<SettingSpec> settings();

    /**
     * Creates the strategy.
     *
     * @param context the space, settings, seed, budget and engine
     * @return the strategy
     */
    OneShotStrategy create(OneShotContext context);

    /**
     * Tells whether the strategy can start from a meta-trained supernet ({@link
     * OneShotContext#metaStart()}): its shared weights and α loaded before the first epoch.
     *
     * @return false unless the strategy overrides it
     */
    default boolean startsFromMetaTraining() {
        return false;
    }
}
