package org.djlnas.strategies.gp;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code gp-bo} strategy: Bayesian optimisation with a Gaussian process over
 * architectures (after NASBOT, Kandasamy et al. 2018), an exponential kernel on a Hamming-type
 * distance over the choice tree's labels, and expected improvement maximised over uniform draws and
 * mutations of the best architectures so far.
 *
 * <p>Settings: {@code initial-points} (10), the uniform draws before the model proposes; {@code
 * random-candidates} (100) and {@code mutation-candidates} (100), the pool each ask scores; {@code
 * parents} (10), how many of the best architectures the mutations start from. {@link #create}
 * rejects a pool of no candidates. See {@code docs/gp-bo.md}.
 */
public final class GpBoProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "gp-bo";

    /** The name of the setting for the uniform draws before the model proposes. */
    public static final String INITIAL_POINTS = "initial-points";

    /** The name of the setting for the uniform draws in each ask's candidate pool. */
    public static final String RANDOM_CANDIDATES = "random-candidates";

    /** The name of the setting for the mutations in each ask's candidate pool. */
    public static final String MUTATION_CANDIDATES = "mutation-candidates";

    /** The name of the setting for how many of the best architectures are mutated. */
    public static final String PARENTS = "parents";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Bayesian optimisation: a Gaussian process over architectures, expected improvement";
    }

    @Override
    public List<SettingSpec> settings() {
        return GpBoSettings.specs();
    }

    @Override
    public Strategy create(StrategyContext context) {
        return new GpBo(context, GpBoSettings.from("strategy '" + ID + "'", context.settings()));
    }

    /** Its initial design starts with the best trials of earlier experiments. */
    @Override
    public boolean warmStarts() {
        return true;
    }
}
