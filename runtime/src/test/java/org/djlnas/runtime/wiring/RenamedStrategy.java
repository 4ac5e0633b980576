package org.djlnas.runtime.wiring;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.strategies.RandomSearchProvider;

/**
 * A third-party strategy provider for the wiring tests: random search under an id of its own, found
 * through a services file the tests write.
 */
public final class RenamedStrategy implements StrategyProvider {

    /** The id it registers by default. */
    static final String ID = "renamed-random";

    private final StrategyProvider random = new RandomSearchProvider();
    private final String id;

    /** Creates the provider under {@value #ID}, as {@link java.util.ServiceLoader} does. */
    public RenamedStrategy() {
        this(ID);
    }

    RenamedStrategy(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "random search, registered by a test";
    }

    @Override
    public List<SettingSpec> settings() {
        return random.settings();
    }

    @Override
    public Strategy create(StrategyContext context) {
        return random.create(context);
    }
}
