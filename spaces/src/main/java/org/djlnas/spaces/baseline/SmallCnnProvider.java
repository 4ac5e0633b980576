package org.djlnas.spaces.baseline;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Registers the {@code small-cnn} baseline. */
public final class SmallCnnProvider implements SearchSpaceProvider {

    static final String INPUT_CHANNELS = "input-channels";
    static final String CLASSES = "classes";

    @Override
    public String id() {
        return SmallCnnSpace.ID;
    }

    @Override
    public String description() {
        return "baseline, no choices: hand-designed conv32-conv64-linear CNN (50,186 parameters on"
                + " 28x28x1); its only architecture is {}";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(INPUT_CHANNELS, 1, 1, "channels of the input images"),
                SettingSpec.integer(CLASSES, 10, 1, "number of classes"));
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new SmallCnnSpace(settings);
    }
}
