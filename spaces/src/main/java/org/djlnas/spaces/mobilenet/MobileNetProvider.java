package org.djlnas.spaces.mobilenet;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Registers the {@code mobilenet} space. */
public final class MobileNetProvider implements SearchSpaceProvider {

    static final String INPUT_CHANNELS = "input-channels";
    static final String INPUT_HEIGHT = "input-height";
    static final String INPUT_WIDTH = "input-width";
    static final String CLASSES = "classes";
    static final String STEM_WIDTH = "stem-width";
    static final String STEM_STRIDE = "stem-stride";
    static final String WIDTHS = "widths";
    static final String STRIDES = "strides";
    static final String WIDTH_MULTIPLIER = "width-multiplier";
    static final String MIN_DEPTH = "min-depth";
    static final String MAX_DEPTH = "max-depth";
    static final String HEAD_WIDTH = "head-width";

    @Override
    public String id() {
        return MobileNetSpace.ID;
    }

    @Override
    public String description() {
        return "MobileNet-style macro space of inverted-residual blocks: depth per stage, kernel"
                + " 3/5/7, expansion 3/4/6 and squeeze-and-excitation on or off per block";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(INPUT_CHANNELS, 3, 1, "channels of the input images"),
                SettingSpec.integer(
                        INPUT_HEIGHT, 32, 1, "height of the input images (chooses stem-stride 0)"),
                SettingSpec.integer(
                        INPUT_WIDTH, 32, 1, "width of the input images (chooses stem-stride 0)"),
                SettingSpec.integer(CLASSES, 10, 1, "number of classes"),
                SettingSpec.integer(STEM_WIDTH, 16, 1, "channels of the 3x3 stem convolution"),
                SettingSpec.integer(
                        STEM_STRIDE,
                        0,
                        0,
                        "stride of the stem; 0 = 2 for images of at least 64 pixels on their"
                                + " shorter side, else 1"),
                SettingSpec.string(
                        WIDTHS,
                        "24,40,80,112,160",
                        "output channels of each stage, comma-separated: one per stage"),
                SettingSpec.string(
                        STRIDES,
                        "2,2,2,1,2",
                        "stride of each stage's first block, comma-separated (1 or 2), one per"
                                + " stage"),
                SettingSpec.number(
                        WIDTH_MULTIPLIER,
                        1.0,
                        0.01,
                        "scales every width; other than 1, widths are rounded to multiples of 8"),
                SettingSpec.integer(MIN_DEPTH, 1, 1, "fewest blocks a stage may have"),
                SettingSpec.integer(MAX_DEPTH, 4, 1, "most blocks a stage may have"),
                SettingSpec.integer(
                        HEAD_WIDTH, 960, 1, "channels of the 1x1 convolution before pooling"));
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new MobileNetSpace(settings, MobileNetSkeleton.of(settings));
    }
}
