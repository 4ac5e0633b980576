package org.djlnas.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.jspecify.annotations.Nullable;

/**
 * A settings file ({@code --strategy-settings}, {@code --space-settings}): one flat JSON ({@code
 * .json}) or YAML ({@code .yaml}, {@code .yml}) object of setting name → number, boolean or text.
 * Its values are turned into text and go through the same parsing as {@code --strategy-opt
 * KEY=VALUE}, so they are journaled alike and checked with the same messages, which name the file.
 */
final class SettingsFile {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SettingsFile() {}

    /**
     * Merges a settings file with settings given on the command line, which win.
     *
     * @param file the settings file, or null if none was given
     * @param commandLine the settings given as {@code KEY=VALUE} options
     * @param owner what the settings belong to, for messages (for example {@code strategy
     *     'random'})
     * @param specs the owner's declared settings, which the file's are checked against
     * @return the merged settings, by name
     * @throws IllegalArgumentException naming the file and the key if the file is missing,
     *     unreadable, not a flat object, or names an unknown setting or a badly typed value
     */
    static Map<String, String> merge(
            @Nullable Path file,
            Map<String, String> commandLine,
            String owner,
            List<SettingSpec> specs) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (file != null) {
            settings.putAll(read(file));
            Settings.resolve(owner + " in settings file " + file, specs, settings);
        }
        settings.putAll(commandLine);
        return settings;
    }

    /**
     * Reads a settings file.
     *
     * @param file the file
     * @return its settings as text, in file order
     * @throws IllegalArgumentException naming the file (and the key) if it is missing, unreadable,
     *     of an unknown kind or not a flat object
     */
    static Map<String, String> read(Path file) {
        ObjectMapper mapper = mapperFor(file);
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("settings file " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "settings file "
                            + file
                            + " does not parse: "
                            + e.getOriginalMessage().replaceAll("\\s+", " ").trim()
                            + (mapper == JSON ? location(e) : ""),
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "settings file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (root.isMissingNode() || root.isNull()) {
            return settings;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(
                    "settings file "
                            + file
                            + " holds "
                            + kind(root)
                            + "; expected an object of setting name → value");
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            settings.put(entry.getKey(), text(file, entry.getKey(), entry.getValue()));
        }
        return settings;
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        throw new IllegalArgumentException(
                "settings file "
                        + file
                        + " is neither .json nor .yaml/.yml; expected one of those");
    }

    private static String text(Path file, String key, JsonNode value) {
        if (value.isNumber() || value.isBoolean() || value.isTextual()) {
            return value.asText();
        }
        throw new IllegalArgumentException(
                "setting '"
                        + key
                        + "' in settings file "
                        + file
                        + " is "
                        + kind(value)
                        + "; expected a number, a boolean or a string");
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isNull()) {
            return "null";
        }
        return "a " + node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** Jackson's JSON messages leave the position out; SnakeYAML's (for YAML) include it. */
    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "";
        }
        return " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    }
}
