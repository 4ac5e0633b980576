package org.djlnas.strategies;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code random} strategy: distinct architectures drawn uniformly at random, until a
 * finite space is exhausted. It has no settings.
 */
public final class RandomSearchProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "random";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "distinct architectures drawn uniformly at random";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of();
    }

    /** Random search ignores outcomes, so it searches for any number of objectives. */
    @Override
    public boolean multiObjective() {
        return true;
    }

    @Override
    public Strategy create(StrategyContext context) {
        return new RandomSearch(context);
    }
}
