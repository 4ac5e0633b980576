package org.djlnas.spaces.mlp;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Registers the {@code linear} baseline for tables. */
public final class LinearProvider implements SearchSpaceProvider {

    @Override
    public String id() {
        return LinearSpace.ID;
    }

    @Override
    public String description() {
        return "baseline for tables, no choices: one linear layer (logistic regression for"
                + " classification, linear regression for regression); its only architecture is {}";
    }

    @Override
    public List<SettingSpec> settings() {
        return MlpProvider.SETTINGS;
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new LinearSpace(settings);
    }
}
