package org.djlnas.strategies.oneshot;

import java.util.List;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;

/**
 * Single-path one-shot NAS ({@code spos}, Guo et al., ECCV 2020): a supernet trained on uniformly
 * sampled paths, then an evolutionary search over architectures scored with inherited weights after
 * batch-normalisation recalibration.
 */
public final class SposProvider implements OneShotStrategyProvider {

    /** The registry id. */
    public static final String ID = "spos";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "single-path one-shot: uniform path sampling, then evolution on inherited weights"
                + " (one-shot)";
    }

    @Override
    public List<SettingSpec> settings() {
        return SposSettings.specs();
    }

    @Override
    public OneShotStrategy create(OneShotContext context) {
        return new SposSearch(context, SposSettings.from(context.settings()));
    }
}
