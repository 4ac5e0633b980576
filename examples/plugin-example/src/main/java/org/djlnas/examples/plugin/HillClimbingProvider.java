package org.djlnas.examples.plugin;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code hill-climbing} strategy: seeded local search that proposes one-choice
 * mutations of the best architecture of the current climb, and restarts from a random architecture
 * when {@code patience} neighbours in a row did not improve on it.
 *
 * <p>Listed in {@code META-INF/services/org.djlnas.api.strategy.StrategyProvider}; like every
 * provider it has a public no-argument constructor.
 */
public final class HillClimbingProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "hill-climbing";

    /** The name of the patience setting. */
    public static final String PATIENCE = "patience";

    /** The name of the restart setting. */
    public static final String RESTART = "restart";

    /** Creates the provider. */
    public HillClimbingProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "example plug-in: hill climbing by one-choice mutations, with random restarts";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(
                        PATIENCE, 4, 1, "neighbours in a row that may fail to improve the climb"),
                SettingSpec.bool(
                        RESTART,
                        true,
                        "after 'patience' neighbours without improvement, start a new climb from a"
                                + " random architecture (false: keep climbing from the best)"));
    }

    @Override
    public Strategy create(StrategyContext context) {
        Settings settings = context.settings();
        return new HillClimbing(
                context.space(),
                context.budget(),
                context.seed(),
                settings.getInt(PATIENCE),
                settings.getBoolean(RESTART));
    }
}
