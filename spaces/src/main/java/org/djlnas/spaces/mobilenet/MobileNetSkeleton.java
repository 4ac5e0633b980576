package org.djlnas.spaces.mobilenet;

import static org.djlnas.spaces.mobilenet.MobileNetProvider.CLASSES;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.HEAD_WIDTH;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.INPUT_CHANNELS;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.INPUT_HEIGHT;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.INPUT_WIDTH;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.MAX_DEPTH;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.MIN_DEPTH;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.STEM_STRIDE;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.STEM_WIDTH;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.STRIDES;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.WIDTHS;
import static org.djlnas.spaces.mobilenet.MobileNetProvider.WIDTH_MULTIPLIER;

import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.settings.Settings;

/**
 * The fixed frame of a {@code mobilenet} network, read from the space's settings: the input, the
 * stem, each stage's width and stride, the depths a stage may take and the head.
 *
 * @param inputChannels the channels of the input images
 * @param classes the number of classes
 * @param stemWidth the stem's output channels, multiplier applied
 * @param stemStride the stem's stride, resolved
 * @param widths each stage's output channels, multiplier applied
 * @param strides each stage's stride
 * @param minDepth the fewest blocks of a stage
 * @param maxDepth the most blocks of a stage
 * @param headWidth the head convolution's channels, multiplier applied
 */
record MobileNetSkeleton(
        int inputChannels,
        int classes,
        int stemWidth,
        int stemStride,
        List<Integer> widths,
        List<Integer> strides,
        int minDepth,
        int maxDepth,
        int headWidth) {

    /** The shorter image side from which {@code stem-stride 0} means 2. */
    static final int LARGE_IMAGE = 64;

    private static final int DIVISOR = 8;

    /**
     * Reads and checks the settings.
     *
     * @param settings the space's settings
     * @return the skeleton
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static MobileNetSkeleton of(Settings settings) {
        double multiplier = settings.getDouble(WIDTH_MULTIPLIER);
        List<Integer> widths = integers(settings, WIDTHS, "positive integers");
        List<Integer> strides = integers(settings, STRIDES, "strides of 1 or 2");
        if (strides.stream().anyMatch(s -> s > 2)) {
            throw invalid(settings, STRIDES, "strides of 1 or 2");
        }
        if (strides.size() != widths.size()) {
            throw new IllegalArgumentException(
                    "setting '"
                            + STRIDES
                            + "' of space '"
                            + MobileNetSpace.ID
                            + "' has "
                            + strides.size()
                            + " entries but '"
                            + WIDTHS
                            + "' has "
                            + widths.size()
                            + "; expected one stride per stage");
        }
        int minDepth = settings.getInt(MIN_DEPTH);
        int maxDepth = settings.getInt(MAX_DEPTH);
        if (maxDepth < minDepth) {
            throw new IllegalArgumentException(
                    "setting '"
                            + MAX_DEPTH
                            + "' of space '"
                            + MobileNetSpace.ID
                            + "' is "
                            + maxDepth
                            + "; expected at least "
                            + MIN_DEPTH
                            + " ("
                            + minDepth
                            + ")");
        }
        int stemStride = settings.getInt(STEM_STRIDE);
        if (stemStride == 0) {
            int shorter = Math.min(settings.getInt(INPUT_HEIGHT), settings.getInt(INPUT_WIDTH));
            stemStride = shorter >= LARGE_IMAGE ? 2 : 1;
        }
        return new MobileNetSkeleton(
                settings.getInt(INPUT_CHANNELS),
                settings.getInt(CLASSES),
                scaled(settings.getInt(STEM_WIDTH), multiplier),
                stemStride,
                widths.stream().map(w -> scaled(w, multiplier)).toList(),
                strides,
                minDepth,
                maxDepth,
                scaled(settings.getInt(HEAD_WIDTH), multiplier));
    }

    /**
     * Rounds channels to a multiple of 8, at least 8 and not below 90% of the value (MobileNet's
     * {@code make_divisible}).
     *
     * @param channels the channels
     * @return the rounded channels
     */
    static int divisible(double channels) {
        int rounded = Math.max(DIVISOR, (int) (channels + DIVISOR / 2.0) / DIVISOR * DIVISOR);
        return rounded < 0.9 * channels ? rounded + DIVISOR : rounded;
    }

    private static int scaled(int width, double multiplier) {
        return multiplier == 1.0 ? width : divisible(width * multiplier);
    }

    private static List<Integer> integers(Settings settings, String name, String expected) {
        String text = settings.getString(name);
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                int value = Integer.parseInt(part.trim());
                if (value < 1) {
                    throw invalid(settings, name, expected);
                }
                values.add(value);
            } catch (NumberFormatException e) {
                throw invalid(settings, name, expected);
            }
        }
        return List.copyOf(values);
    }

    private static IllegalArgumentException invalid(
            Settings settings, String name, String expected) {
        return new IllegalArgumentException(
                "setting '"
                        + name
                        + "' of space '"
                        + MobileNetSpace.ID
                        + "' is '"
                        + settings.getString(name)
                        + "'; expected "
                        + expected
                        + " separated by commas, one per stage");
    }
}
