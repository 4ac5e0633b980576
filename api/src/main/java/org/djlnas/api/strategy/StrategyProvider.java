package org.djlnas.api.strategy;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;

/**
 * Contributes one strategy. Implementations are found with {@link java.util.ServiceLoader} (list
 * them in {@code META-INF/services/org.djlnas.api.strategy.StrategyProvider}) and need a public
 * no-argument constructor.
 */
public interface StrategyProvider {

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
     * Tells whether the strategy searches for the trade-off between several objectives (it reads
     * every score of {@link TrialOutcome#scores}). A search with several objectives refuses a
     * strategy that does not, before anything is written; such a strategy only ever sees the first
     * objective's score.
     *
     * @return true if the strategy accepts several objectives; false by default
     */
    default boolean multiObjective() {
        return false;
    }

    /**
     * Tells whether the strategy starts from the trials of earlier experiments it finds in {@link
     * StrategyContext#priors()} (a warm start). A search given earlier experiments refuses a
     * strategy that does not, before anything is written.
     *
     * @return true if the strategy uses priors; false by default
     */
    default boolean warmStarts() {
        return false;
    }

    /**
     * Creates a fresh strategy.
     *
     * @param context the space, settings, seed and budget
     * @return the strategy
     * @throws IllegalArgumentException if the strategy cannot search this space (for example a grid
     *     over an infinite space)
     */
    Strategy create(StrategyContext context);
}
