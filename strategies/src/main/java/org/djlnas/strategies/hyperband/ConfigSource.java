package org.djlnas.strategies.hyperband;

import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.strategy.TrialOutcome;

/**
 * Where a Hyperband-style strategy gets the fresh configurations that start its brackets: drawn
 * uniformly ({@code hyperband}) or from a model of the results ({@code bohb}).
 */
interface ConfigSource {

    /**
     * Proposes a configuration not proposed before at this budget, and records it as proposed.
     *
     * @param epochs the budget it will be trained for
     * @return the configuration, or empty when a finite space has none left at this budget
     */
    Optional<Architecture> next(double epochs);

    /**
     * Tells whether a finite space has no configuration left that was not proposed at this budget.
     *
     * @param epochs the budget
     * @return true if {@link #next} would return empty
     */
    boolean isExhausted(double epochs);

    /**
     * Records a configuration as proposed at a budget (a promotion), so it is not drawn again
     * there.
     *
     * @param architecture the configuration
     * @param epochs the budget
     */
    void proposed(Architecture architecture, double epochs);

    /**
     * Learns from an outcome.
     *
     * @param outcome the outcome of a trial the strategy proposed
     */
    void observe(TrialOutcome outcome);
}
