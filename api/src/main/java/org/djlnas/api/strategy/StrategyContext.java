package org.djlnas.api.strategy;

import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.Budget;

/**
 * Everything a strategy is created from.
 *
 * @param space the space to search
 * @param settings the strategy's resolved settings
 * @param seed the strategy's seed
 * @param maxTrials how many trials the experiment will run at most
 * @param budget the budget of a full trial
 */
public record StrategyContext(
        SearchSpace space, Settings settings, long seed, int maxTrials, Budget budget) {}
