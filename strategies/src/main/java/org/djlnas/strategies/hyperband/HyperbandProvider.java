package org.djlnas.strategies.hyperband;

import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code hyperband} strategy (Li et al. 2018): successive-halving brackets over epoch
 * budgets, fresh configurations drawn uniformly, the best of each rung continued to the next
 * budget.
 *
 * <p>Settings: {@code min-epochs} (default 1) and {@code max-epochs} (default 9), the smallest and
 * the full budget, and {@code eta} (default 3), the halving rate; see {@code
 * docs/multi-fidelity.md} for the bracket arithmetic. The context's budget contributes only its cap
 * on training examples; the epochs come from these settings. {@link #create} rejects {@code
 * min-epochs > max-epochs} and a ratio of more than {@value Schedule#MAX_RATIO}.
 */
public final class HyperbandProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "hyperband";

    /** The name of the smallest-budget setting. */
    public static final String MIN_EPOCHS = "min-epochs";

    /** The name of the full-budget setting. */
    public static final String MAX_EPOCHS = "max-epochs";

    /** The name of the halving-rate setting. */
    public static final String ETA = "eta";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Hyperband: successive-halving brackets over epoch budgets, uniform draws";
    }

    @Override
    public List<SettingSpec> settings() {
        return Schedule.specs();
    }

    @Override
    public Strategy create(StrategyContext context) {
        Schedule schedule = Schedule.from("strategy '" + ID + "'", context.settings());
        BudgetedSampler sampler =
                new BudgetedSampler(context.space(), new SplittableRandom(context.seed()));
        return new Hyperband(
                schedule, new RandomConfigs(sampler), context.budget().maxTrainExamples());
    }
}
