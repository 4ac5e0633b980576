package org.djlnas.spaces.nasbench201;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Registers the {@code nas-bench-201} space. */
public final class NasBench201Provider implements SearchSpaceProvider {

    static final String CHANNELS = "channels";
    static final String CELLS = "cells";
    static final String INPUT_CHANNELS = "input-channels";
    static final String CLASSES = "classes";

    @Override
    public String id() {
        return NasBench201Space.ID;
    }

    @Override
    public String description() {
        return "NAS-Bench-201 cell (4 nodes, 6 edges, 5 operations) in its 3-stage ResNet-like"
                + " skeleton";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(CHANNELS, 16, 2, "channels C of the first stage"),
                SettingSpec.integer(CELLS, 5, 1, "cells N per stage"),
                SettingSpec.integer(INPUT_CHANNELS, 3, 1, "channels of the input images"),
                SettingSpec.integer(CLASSES, 10, 1, "number of classes"));
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new NasBench201Space(settings, operations);
    }
}
