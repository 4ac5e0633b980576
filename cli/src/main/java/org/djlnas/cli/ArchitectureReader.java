package org.djlnas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;

/**
 * Reads the architecture given to {@code --arch}: the path of a JSON file, or JSON text.
 *
 * <p>The JSON is an object mapping each label to its value. It may also be wrapped in an object
 * whose {@code architecture} field holds that object, as in a search's result or a {@code nas arch
 * --json} output (then the other fields, such as {@code id} or metrics, are ignored); or in {@code
 * {"best": {"architecture": ...}}}. A wrapper is never mistaken for an architecture, since no label
 * can hold an object.
 */
final class ArchitectureReader {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ArchitectureReader() {}

    /**
     * Reads an architecture from a file path or JSON text.
     *
     * @param argument what was given to {@code --arch}
     * @return the architecture, not yet validated against a space
     * @throws IllegalArgumentException if the file cannot be read or the JSON is not an
     *     architecture
     */
    static Architecture read(String argument) {
        String text = argument.strip();
        if (text.startsWith("{") || text.startsWith("[")) {
            return parse(text, "--arch");
        }
        Path file = pathOf(argument);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(
                    "--arch '" + argument + "' is a directory; expected a JSON file or JSON text");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "--arch '"
                            + argument
                            + "' is neither an existing file nor a JSON object; expected a JSON"
                            + " file or JSON text such as '{\"label\": \"value\"}'");
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read architecture file '" + file + "'", e);
        }
        if (content.isBlank()) {
            throw new IllegalArgumentException(
                    "architecture file '"
                            + file
                            + "' is empty; expected a JSON object mapping each label to its"
                            + " value");
        }
        return parse(content, "architecture file '" + file + "'");
    }

    private static Architecture parse(String json, String source) {
        try {
            return Architecture.fromJson(unwrap(json));
        } catch (InvalidArchitectureException e) {
            throw new InvalidArchitectureException(source + ": " + e.getMessage(), e);
        }
    }

    /** Returns the architecture object inside a known wrapper, or the text itself. */
    private static String unwrap(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return json; // Architecture.fromJson explains what is wrong.
        }
        if (root != null && root.path("best").path("architecture").isObject()) {
            return root.get("best").get("architecture").toString();
        }
        if (root != null && root.path("architecture").isObject()) {
            return root.get("architecture").toString();
        }
        return json;
    }

    private static Path pathOf(String argument) {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "--arch '" + argument + "' is neither a file path nor a JSON object", e);
        }
    }
}
