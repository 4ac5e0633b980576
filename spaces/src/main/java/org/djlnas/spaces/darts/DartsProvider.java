package org.djlnas.spaces.darts;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Registers the {@code darts} space. */
public final class DartsProvider implements SearchSpaceProvider {

    static final String CHANNELS = "channels";
    static final String LAYERS = "layers";
    static final String NODES = "nodes";
    static final String STEM_MULTIPLIER = "stem-multiplier";
    static final String INPUT_CHANNELS = "input-channels";
    static final String CLASSES = "classes";

    @Override
    public String id() {
        return DartsSpace.ID;
    }

    @Override
    public String description() {
        return "DARTS CNN space: normal and reduction cells, 2 inputs per node from 7 operations";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(CHANNELS, 16, 2, "channels C of the first cells"),
                SettingSpec.integer(LAYERS, 8, 1, "number of cells"),
                SettingSpec.integer(NODES, 4, 1, "intermediate nodes per cell"),
                SettingSpec.integer(STEM_MULTIPLIER, 3, 1, "stem channels as a multiple of C"),
                SettingSpec.integer(INPUT_CHANNELS, 3, 1, "channels of the input images"),
                SettingSpec.integer(CLASSES, 10, 1, "number of classes"));
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new DartsSpace(settings, operations);
    }
}
