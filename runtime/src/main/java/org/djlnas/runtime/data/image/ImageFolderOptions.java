package org.djlnas.runtime.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The options of an image folder, checked.
 *
 * @param testDirectory a folder of test images with the same classes, if given
 * @param testFraction the fraction of the images held out as the test set when there is no test
 *     folder
 * @param splitSeed the seed of the permutation that draws the test set
 * @param size the size images are resized to, if given; else the first image's size
 * @param channels 1 (grey) or 3 (RGB), if given; else 1 when every training image is grey
 * @param augment whether training examples are randomly cropped (padding 4) and flipped
 */
record ImageFolderOptions(
        Optional<Path> testDirectory,
        double testFraction,
        long splitSeed,
        Optional<ImageSize> size,
        Optional<Integer> channels,
        boolean augment) {

    static final String TEST_DIR = "test-dir";
    static final String TEST_FRACTION = "test-fraction";
    static final String SPLIT_SEED = "split-seed";
    static final String SIZE = "size";
    static final String COLOR = "color";
    static final String AUGMENT = "augment";
    private static final String AUTO = "auto";
    private static final String NONE = "none";
    private static final String CROP_FLIP = "crop-flip";

    /** The options as declared to the registry. */
    static final List<SettingSpec> SPECS =
            List.of(
                    SettingSpec.string(
                            TEST_DIR,
                            "",
                            "a folder of test images with the same class sub-folders; without"
                                    + " it, test-fraction of the images are held out"),
                    SettingSpec.number(
                            TEST_FRACTION,
                            0.2,
                            0,
                            "the fraction of the images held out for testing when there is no"
                                    + " test-dir (below 1)"),
                    SettingSpec.integer(
                            SPLIT_SEED, 0, 0, "the seed of the draw of the held-out test images"),
                    SettingSpec.string(
                            SIZE,
                            AUTO,
                            "the input size, WIDTHxHEIGHT or one number for a square; other"
                                    + " images are resized to it (auto: the first image's size)"),
                    SettingSpec.string(
                            COLOR,
                            AUTO,
                            "gray or rgb (auto: gray when every training image is grey)"),
                    SettingSpec.string(
                            AUGMENT,
                            NONE,
                            "none, or crop-flip: training images randomly cropped after padding"
                                    + " by 4 pixels and flipped left to right"));

    /**
     * Reads and checks the options.
     *
     * @param settings the options, resolved against {@link #SPECS}
     * @return the checked options
     * @throws IllegalArgumentException naming the bad option and what was expected
     */
    static ImageFolderOptions parse(Settings settings) {
        double fraction = settings.getDouble(TEST_FRACTION);
        if (!(fraction < 1)) {
            throw new IllegalArgumentException(
                    "`dataOptions` "
                            + TEST_FRACTION
                            + " is "
                            + fraction
                            + "; expected a fraction below 1");
        }
        return new ImageFolderOptions(
                testDirectory(settings.getString(TEST_DIR)),
                fraction,
                settings.getInt(SPLIT_SEED),
                size(settings.getString(SIZE)),
                channels(settings.getString(COLOR)),
                augment(settings.getString(AUGMENT)));
    }

    private static Optional<Path> testDirectory(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(text);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "`dataOptions` "
                            + TEST_DIR
                            + " is "
                            + text
                            + ", which is not a folder; expected a folder of class sub-folders");
        }
        return Optional.of(folder);
    }

    private static Optional<ImageSize> size(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals(AUTO)) {
            return Optional.empty();
        }
        String[] parts = value.split("x", -1);
        if (parts.length <= 2) {
            try {
                int width = Integer.parseInt(parts[0]);
                int height = parts.length == 2 ? Integer.parseInt(parts[1]) : width;
                if (inRange(width) && inRange(height)) {
                    return Optional.of(new ImageSize(width, height));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                "`dataOptions` "
                        + SIZE
                        + " is '"
                        + text
                        + "'; expected WIDTHxHEIGHT (for example 32x48), one number for a"
                        + " square, or auto; each from 1 to "
                        + ImageSize.MAX);
    }

    private static boolean inRange(int pixels) {
        return pixels >= 1 && pixels <= ImageSize.MAX;
    }

    private static Optional<Integer> channels(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case AUTO -> Optional.empty();
            case "gray", "grey" -> Optional.of(1);
            case "rgb" -> Optional.of(3);
            default ->
                    throw new IllegalArgumentException(
                            "`dataOptions` "
                                    + COLOR
                                    + " is '"
                                    + text
                                    + "'; expected gray, rgb or auto");
        };
    }

    private static boolean augment(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case NONE -> false;
            case CROP_FLIP -> true;
            default ->
                    throw new IllegalArgumentException(
                            "`dataOptions` "
                                    + AUGMENT
                                    + " is '"
                                    + text
                                    + "'; expected none or crop-flip");
        };
    }

    /**
     * An image size in pixels.
     *
     * @param width the width
     * @param height the height
     */
    record ImageSize(int width, int height) {

        /** The largest side accepted. */
        static final int MAX = 4096;

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }
}
