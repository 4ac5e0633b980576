package org.djlnas.strategies.oneshot;

import java.util.List;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;

/**
 * GDAS ({@code gdas}; Dong and Yang, "Searching for a Robust Neural Architecture in Four GPU
 * Hours", CVPR 2019): DARTS's alternating first-order steps, but each pass computes one
 * Gumbel-softmax sample of operations instead of every edge's mixture, with a temperature annealed
 * from {@code tau-max} to {@code tau-min}.
 */
public final class GdasProvider implements OneShotStrategyProvider {

    /** The registry id. */
    public static final String ID = "gdas";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "GDAS: DARTS on one Gumbel-softmax sampled path per step (one-shot)";
    }

    @Override
    public List<SettingSpec> settings() {
        return GdasSettings.specs();
    }

    @Override
    public OneShotStrategy create(OneShotContext context) {
        GdasSettings settings = GdasSettings.from(context.settings());
        return new DartsSearch(context, settings.steps(), new GdasMethod(settings, context.seed()));
    }

    @Override
    public boolean startsFromMetaTraining() {
        return true;
    }
}
