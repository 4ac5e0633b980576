package org.djlnas.strategies;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code grid} strategy: every architecture of a finite space, in the space's
 * enumeration order. It has no settings and ignores the seed.
 */
public final class GridSearchProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "grid";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "every architecture of a finite space, in enumeration order";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of();
    }

    /** The grid ignores outcomes, so it searches for any number of objectives. */
    @Override
    public boolean multiObjective() {
        return true;
    }

    @Override
    public Strategy create(StrategyContext context) {
        return new GridSearch(context);
    }
}
