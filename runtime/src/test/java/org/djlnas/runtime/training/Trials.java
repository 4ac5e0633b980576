package org.djlnas.runtime.training;

import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;

/** Test helpers: small NAS-Bench-201 spaces for 1×28×28 images. */
final class Trials {

    /** A mixed cell: convolutions, a skip and a 1×1 convolution. */
    static final String TEST_CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|";

    /** Every edge a 3×3 convolution. */
    static final String ALL_CONV_3X3 =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private Trials() {}

    /** A NAS-Bench-201 space with one cell per stage, for 1-channel images and 10 classes. */
    static NasBench201Space space(int channels) {
        NasBench201Provider provider = new NasBench201Provider();
        return (NasBench201Space)
                provider.create(
                        Settings.resolve(
                                "space '" + provider.id() + "'",
                                provider.settings(),
                                Map.of(
                                        "channels", Integer.toString(channels),
                                        "cells", "1",
                                        "input-channels", "1",
                                        "classes", "10")),
                        OpRegistry.discover());
    }

    static Architecture architecture(NasBench201Space space, String cell) {
        return space.fromBenchmarkString(cell);
    }
}
