package org.djlnas.strategies.oneshot;

import java.util.List;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;

/**
 * First-order DARTS ({@code darts}): alternating architecture and weight steps on a supernet, with
 * the DARTS+ collapse guard on by default. Setting {@code order=2} gives the second-order search,
 * also registered as {@code darts-2nd}.
 */
public class DartsProvider implements OneShotStrategyProvider {

    /** The registry id. */
    public static final String ID = "darts";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "DARTS, first order: differentiable search on a supernet (one-shot)";
    }

    @Override
    public List<SettingSpec> settings() {
        return DartsSettings.specs(defaultOrder());
    }

    @Override
    public OneShotStrategy create(OneShotContext context) {
        return new DartsSearch(context, DartsSettings.from(context.settings()));
    }

    @Override
    public boolean startsFromMetaTraining() {
        return true;
    }

    /**
     * Returns the order this id defaults to.
     *
     * @return 1
     */
    int defaultOrder() {
        return 1;
    }
}
