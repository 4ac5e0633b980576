package org.djlnas.strategies.oneshot;

import java.util.List;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;

/**
 * ENAS ({@code enas}; Pham et al., "Efficient Neural Architecture Search via Parameter Sharing",
 * ICML 2018): the {@code reinforce} strategy's LSTM controller samples architectures whose single
 * paths train the supernet's shared weights, and learns by REINFORCE from their accuracy on
 * validation batches with the shared weights. See {@code docs/enas.md}.
 */
public final class EnasProvider implements OneShotStrategyProvider {

    /** The registry id. */
    public static final String ID = "enas";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "ENAS: an LSTM controller trained by REINFORCE samples paths of a shared-weight"
                + " supernet (one-shot)";
    }

    @Override
    public List<SettingSpec> settings() {
        return EnasSettings.specs();
    }

    @Override
    public OneShotStrategy create(OneShotContext context) {
        return new EnasSearch(context, EnasSettings.from(context.settings()));
    }
}
