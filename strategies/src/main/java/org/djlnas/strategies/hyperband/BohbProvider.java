package org.djlnas.strategies.hyperband;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code bohb} strategy (Falkner et al. 2018): Hyperband's brackets, with fresh
 * configurations drawn from a TPE-style density-ratio model of the results at the largest budget
 * that has enough of them, and a fraction drawn uniformly.
 *
 * <p>Settings: Hyperband's {@code min-epochs}, {@code max-epochs} and {@code eta}, and the model's
 * {@code top-fraction} (0.15), {@code random-fraction} (1/3), {@code min-points-in-model} (0: the
 * number of choices + 1), {@code candidates} (64), {@code bandwidth-factor} (3) and {@code
 * min-bandwidth} (0.001), HpBandSter's defaults. With {@code min-epochs = max-epochs} there is a
 * single rung, and BOHB is its model plus the random fraction. {@link #create} rejects fractions
 * and a minimum bandwidth outside their ranges, as well as Hyperband's bad settings.
 */
public final class BohbProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "bohb";

    /** The name of the good-fraction setting, γ. */
    public static final String TOP_FRACTION = "top-fraction";

    /** The name of the uniform-draw probability setting. */
    public static final String RANDOM_FRACTION = "random-fraction";

    /** The name of the setting for the fewest observations in each density. */
    public static final String MIN_POINTS_IN_MODEL = "min-points-in-model";

    /** The name of the setting for the candidates drawn per proposal. */
    public static final String CANDIDATES = "candidates";

    /** The name of the bandwidth-widening setting. */
    public static final String BANDWIDTH_FACTOR = "bandwidth-factor";

    /** The name of the smallest-bandwidth setting. */
    public static final String MIN_BANDWIDTH = "min-bandwidth";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "BOHB: Hyperband brackets with configurations drawn from a TPE-style model";
    }

    @Override
    public List<SettingSpec> settings() {
        List<SettingSpec> settings = new ArrayList<>(Schedule.specs());
        settings.addAll(BohbSettings.specs());
        return List.copyOf(settings);
    }

    @Override
    public Strategy create(StrategyContext context) {
        String owner = "strategy '" + ID + "'";
        Schedule schedule = Schedule.from(owner, context.settings());
        LabelIndex labels = new LabelIndex(context.space().choices());
        BohbSettings settings = BohbSettings.from(owner, context.settings(), labels.size());
        SplittableRandom uniform = new SplittableRandom(context.seed());
        SplittableRandom model = new SplittableRandom(context.seed()).split();
        return new Hyperband(
                schedule,
                new BohbConfigs(
                        new BudgetedSampler(context.space(), uniform), model, labels, settings),
                context.budget().maxTrainExamples());
    }
}
