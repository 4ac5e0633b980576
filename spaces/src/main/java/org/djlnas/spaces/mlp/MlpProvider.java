package org.djlnas.spaces.mlp;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Registers the {@code mlp} space for tables. */
public final class MlpProvider implements SearchSpaceProvider {

    static final String FEATURES = "features";
    static final String CLASSES = "classes";

    /** The settings both table spaces take; the runtime fills them in from the data. */
    static final List<SettingSpec> SETTINGS =
            List.of(
                    SettingSpec.integer(
                            FEATURES, 1, 1, "number of encoded features per row (from the data)"),
                    SettingSpec.integer(
                            CLASSES, 2, 1, "number of outputs: classes, or 1 for regression"));

    @Override
    public String id() {
        return MlpSpace.ID;
    }

    @Override
    public String description() {
        return "tables: 1 to 4 hidden layers, each with a width (16 to 256), an activation (relu,"
                + " gelu, tanh, sigmoid), dropout (0, 0.1, 0.3) and batch-norm on or off";
    }

    @Override
    public List<SettingSpec> settings() {
        return SETTINGS;
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new MlpSpace(settings);
    }
}
