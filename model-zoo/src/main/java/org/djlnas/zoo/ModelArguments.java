package org.djlnas.zoo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The arguments DJL's model loader passes to the block factory and the translator factory of a
 * published model: which factories, the space and its settings, the kind of input (which chooses
 * the translator factory), and for images the input shape and the pixel normalisation. The same
 * text key → value pairs go into {@value ZooLayout#METADATA_FILE} and {@value
 * ZooLayout#SERVING_PROPERTIES_FILE}.
 *
 * @param space the space's id
 * @param spaceSettings every setting of the space, as text
 * @param channels the input's channels
 * @param height the input's height
 * @param width the input's width
 * @param mean the mean subtracted from each channel of pixels scaled to [0, 1]
 * @param std the standard deviation each channel is then divided by
 * @param input the kind of input: {@value #IMAGE}, {@value #FEATURES} or {@value #TOKENS}; the
 *     image fields are 0 and empty for the others
 */
record ModelArguments(
        String space,
        SortedMap<String, String> spaceSettings,
        int channels,
        int height,
        int width,
        List<Float> mean,
        List<Float> std,
        String input) {

    /** The input kind of images (and of models published before other kinds existed). */
    static final String IMAGE = "image";

    /** The input kind of rows of features. */
    static final String FEATURES = "features";

    /** The input kind of token sequences. */
    static final String TOKENS = "tokens";

    /** The argument that names DJL's block factory. */
    static final String BLOCK_FACTORY = "blockFactory";

    /** The argument that names DJL's translator factory. */
    static final String TRANSLATOR_FACTORY = "translatorFactory";

    private static final String SPACE = "space";
    private static final String SETTING_PREFIX = "space.";
    private static final String CHANNELS = "channels";
    private static final String HEIGHT = "height";
    private static final String WIDTH = "width";
    private static final String MEAN = "mean";
    private static final String STD = "std";
    private static final String INPUT = "input";

    /** The translator factories by input kind; those of tables and text live in their modules. */
    private static final Map<String, String> TRANSLATORS =
            Map.of(
                    IMAGE, ImageClassifierTranslatorFactory.class.getName(),
                    FEATURES, "org.djlnas.zoo.TableTranslatorFactory",
                    TOKENS, "org.djlnas.zoo.TextTranslatorFactory");

    /** Validates the fields. */
    ModelArguments {
        spaceSettings = Collections.unmodifiableSortedMap(new TreeMap<>(spaceSettings));
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (!TRANSLATORS.containsKey(input)) {
            throw new IllegalArgumentException(
                    "model argument 'input' is '"
                            + input
                            + "'; expected one of "
                            + new TreeMap<>(TRANSLATORS).keySet());
        }
        if (input.equals(IMAGE)) {
            checkImage(channels, height, width, mean, std);
        }
    }

    private static void checkImage(
            int channels, int height, int width, List<Float> mean, List<Float> std) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "input shape is ("
                            + channels
                            + ", "
                            + height
                            + ", "
                            + width
                            + "); expected positive channels, height and width");
        }
        if (mean.size() != channels || std.size() != channels) {
            throw new IllegalArgumentException(
                    "normalisation has "
                            + mean.size()
                            + " means and "
                            + std.size()
                            + " standard deviations; expected one of each per channel ("
                            + channels
                            + ")");
        }
        for (float s : std) {
            if (!(s > 0 && Float.isFinite(s))) {
                throw new IllegalArgumentException(
                        "normalisation std holds " + s + "; expected finite numbers > 0");
            }
        }
    }

    /**
     * Returns the arguments as DJL keeps them: text by key, factories included, sorted by key.
     *
     * @return the arguments
     */
    SortedMap<String, String> toMap() {
        SortedMap<String, String> map = new TreeMap<>();
        map.put(BLOCK_FACTORY, ArchitectureBlockFactory.class.getName());
        map.put(TRANSLATOR_FACTORY, TRANSLATORS.get(input));
        map.put(SPACE, space);
        spaceSettings.forEach((name, value) -> map.put(SETTING_PREFIX + name, value));
        map.put(INPUT, input);
        if (!input.equals(IMAGE)) {
            return map;
        }
        map.put(CHANNELS, Integer.toString(channels));
        map.put(HEIGHT, Integer.toString(height));
        map.put(WIDTH, Integer.toString(width));
        map.put(MEAN, join(mean));
        map.put(STD, join(std));
        return map;
    }

    /**
     * Reads the arguments DJL passes to a factory; other keys are ignored.
     *
     * @param arguments the arguments, as DJL passes them
     * @return the arguments
     * @throws IllegalArgumentException naming a missing or malformed argument
     */
    static ModelArguments parse(Map<String, ?> arguments) {
        SortedMap<String, String> settings = new TreeMap<>();
        arguments.forEach(
                (key, value) -> {
                    if (key.startsWith(SETTING_PREFIX)) {
                        settings.put(key.substring(SETTING_PREFIX.length()), text(key, value));
                    }
                });
        String input = arguments.containsKey(INPUT) ? require(arguments, INPUT) : IMAGE;
        if (!input.equals(IMAGE)) {
            return new ModelArguments(
                    require(arguments, SPACE), settings, 0, 0, 0, List.of(), List.of(), input);
        }
        return new ModelArguments(
                require(arguments, SPACE),
                settings,
                integer(arguments, CHANNELS),
                integer(arguments, HEIGHT),
                integer(arguments, WIDTH),
                floats(arguments, MEAN),
                floats(arguments, STD),
                IMAGE);
    }

    private static String require(Map<String, ?> arguments, String key) {
        Object value = arguments.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    "model argument '"
                            + key
                            + "' is missing; a model published by djl-nas has it in its "
                            + ZooLayout.METADATA_FILE
                            + " and "
                            + ZooLayout.SERVING_PROPERTIES_FILE);
        }
        return text(key, value);
    }

    private static String text(String key, Object value) {
        if (value instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Long.toString(number.longValue());
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                "model argument '" + key + "' is " + value + "; expected text or a number");
    }

    private static int integer(Map<String, ?> arguments, String key) {
        String text = require(arguments, key);
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "model argument '" + key + "' is '" + text + "'; expected a whole number", e);
        }
    }

    private static List<Float> floats(Map<String, ?> arguments, String key) {
        String text = require(arguments, key);
        List<Float> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                values.add(Float.parseFloat(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "model argument '"
                                + key
                                + "' is '"
                                + text
                                + "'; expected comma-separated numbers, one per channel",
                        e);
            }
        }
        return values;
    }

    private static String join(List<Float> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
