package org.djlnas.zoo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@value ZooLayout#SERVING_PROPERTIES_FILE} of a version folder: DJL's loading arguments and
 * options of the model, which DJL's loader reads from the model folder itself. With it, {@code
 * Criteria.optModelUrls} can point straight at a version folder.
 */
final class ServingProperties {

    private static final String OPTION_PREFIX = "option.";
    private static final String MODEL_NAME = "modelName";

    private ServingProperties() {}

    /**
     * Writes the file, with sorted keys and no time stamp.
     *
     * @param folder the version folder
     * @param arguments the model's arguments
     * @param modelName the prefix of the model's weights file
     * @throws IOException if it cannot be written
     */
    static void write(Path folder, Map<String, String> arguments, String modelName)
            throws IOException {
        Properties properties = new Properties();
        properties.putAll(arguments);
        properties.setProperty(OPTION_PREFIX + MODEL_NAME, modelName);
        StringWriter text = new StringWriter();
        properties.store(text, null);
        String sorted =
                text.toString()
                        .lines()
                        .filter(line -> !line.startsWith("#"))
                        .sorted()
                        .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(
                folder.resolve(ZooLayout.SERVING_PROPERTIES_FILE), sorted, StandardCharsets.UTF_8);
    }

    /**
     * Reads the file.
     *
     * @param folder the version folder
     * @return every key → value, options with their {@code option.} prefix
     * @throws IOException if it cannot be read
     */
    static SortedMap<String, String> read(Path folder) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(
                        folder.resolve(ZooLayout.SERVING_PROPERTIES_FILE),
                        StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        SortedMap<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    /**
     * Returns what the file of a model holds: its arguments, and its weights' prefix as an option.
     *
     * @param arguments the model's arguments
     * @param modelName the prefix of the model's weights file
     * @return every key → value, as {@link #read} returns them
     */
    static SortedMap<String, String> expected(Map<String, String> arguments, String modelName) {
        SortedMap<String, String> values = new TreeMap<>(arguments);
        values.put(OPTION_PREFIX + MODEL_NAME, modelName);
        return values;
    }

    /**
     * Returns the name of DJL's option that holds the prefix of the weights file.
     *
     * @return {@code modelName}
     */
    static String modelNameOption() {
        return MODEL_NAME;
    }
}
