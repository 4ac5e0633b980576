package org.djlnas.strategies.oneshot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest of a meta-trained supernet folder ({@code manifest.json}): what was meta-trained
 * (space and its settings, tasks, settings, seed, engine) and what the folder's arrays are (the
 * shared parameters by name, α by edge label).
 *
 * @param space the space's id
 * @param spaceSettings the space's settings that every task shares (not those its data set sets:
 *     input size and channels, classes)
 * @param tasks the meta-training data sets, in the order given
 * @param settings Reptile's settings and the inner DARTS settings, as text
 * @param seed the seed
 * @param engine the DJL engine it was trained on
 * @param parameters the names of the shared parameters in {@code parameters.ndlist}, in order
 * @param alphas the edge labels of the α vectors in {@code alphas.ndlist}, in order
 */
public record MetaStartManifest(
        String space,
        Map<String, String> spaceSettings,
        List<String> tasks,
        Map<String, String> settings,
        long seed,
        String engine,
        List<String> parameters,
        List<String> alphas) {

    /** The manifest's file name inside the folder. */
    public static final String FILE = "manifest.json";

    static final String FORMAT = "djl-nas-meta-start";
    static final int VERSION = 1;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates and copies the fields. */
    public MetaStartManifest {
        requireNonNull(space, "space is null");
        requireNonNull(engine, "engine is null");
        spaceSettings = Map.copyOf(spaceSettings);
        tasks = List.copyOf(tasks);
        settings = Map.copyOf(settings);
        parameters = List.copyOf(parameters);
        alphas = List.copyOf(alphas);
    }

    /**
     * Returns the manifest with the names of the arrays filled in.
     *
     * @param parameterNames the shared parameters' names
     * @param alphaLabels α's edge labels
     * @return the manifest
     */
    MetaStartManifest withArrays(List<String> parameterNames, List<String> alphaLabels) {
        return new MetaStartManifest(
                space, spaceSettings, tasks, settings, seed, engine, parameterNames, alphaLabels);
    }

    /**
     * Returns the manifest as JSON, its maps with sorted keys.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("space", space);
        root.set("spaceSettings", JSON.valueToTree(new TreeMap<>(spaceSettings)));
        root.set("tasks", JSON.valueToTree(tasks));
        root.set("settings", JSON.valueToTree(new TreeMap<>(settings)));
        root.put("seed", seed);
        root.put("engine", engine);
        root.set("parameters", JSON.valueToTree(parameters));
        root.set("alphas", JSON.valueToTree(alphas));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    /**
     * Reads the manifest of a meta-trained supernet folder.
     *
     * @param folder the folder
     * @return the manifest
     * @throws IllegalArgumentException if the folder or its manifest is missing or malformed,
     *     naming the file and what was expected
     * @throws IOException if the manifest exists but cannot be read
     */
    public static MetaStartManifest read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    folder + " is not a folder; expected a folder written by meta-training");
        }
        Path file = folder.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    folder + " holds no " + FILE + "; expected a folder written by meta-training");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON");
        }
        if (root == null
                || !FORMAT.equals(root.path("format").asText())
                || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException(
                    file
                            + " is not a meta-start manifest; expected format "
                            + FORMAT
                            + " version 1");
        }
        try {
            return new MetaStartManifest(
                    text(root, "space", file),
                    JSON.convertValue(
                            required(root, "spaceSettings", file), new TypeReference<>() {}),
                    JSON.convertValue(required(root, "tasks", file), new TypeReference<>() {}),
                    JSON.convertValue(required(root, "settings", file), new TypeReference<>() {}),
                    required(root, "seed", file).asLong(),
                    text(root, "engine", file),
                    JSON.convertValue(required(root, "parameters", file), new TypeReference<>() {}),
                    JSON.convertValue(required(root, "alphas", file), new TypeReference<>() {}));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException(file + " has a malformed field");
        }
    }

    private static JsonNode required(JsonNode root, String field, Path file) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(file + " has no field '" + field + "'");
        }
        return node;
    }

    private static String text(JsonNode root, String field, Path file) {
        JsonNode node = required(root, field, file);
        if (!node.isTextual()) {
            throw new IllegalArgumentException(file + " field '" + field + "' is not text");
        }
        return node.asText();
    }
}
