package org.djlnas.zoo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.Task;

/**
 * What a published model was trained on, kept as {@value #FILE} beside its parameters so that its
 * translator prepares inputs and reads outputs as training did: the task (class names, or the
 * regression target with its mean and scale), the input (image shape, feature names, or token
 * vocabulary and length), and what preprocessing learnt from the training split (plain JSON values,
 * as {@link org.djlnas.api.data.DataSource#preprocessing()} gives them).
 *
 * <pre>{@code
 * {"task": {"kind": "classification", "classNames": ["cat", "dog"]},
 *  "input": {"kind": "image", "channels": 3, "height": 32, "width": 32},
 *  "preprocessing": {"mean": [0.49, 0.48, 0.45], "std": [0.25, 0.24, 0.26]}}
 * }</pre>
 *
 * @param task what the model predicts
 * @param input what one example looks like
 * @param preprocessing what preprocessing learnt, as plain JSON values
 */
public record DataDescription(Task task, DataInput input, Map<String, Object> preprocessing) {

    /** The file's name in a version folder. */
    public static final String FILE = "data.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates and copies the fields. */
    public DataDescription {
        requireNonNull(task, "task is null");
        requireNonNull(input, "input is null");
        preprocessing = Collections.unmodifiableMap(new LinkedHashMap<>(preprocessing));
    }

    /**
     * Returns the kind of input, which chooses a published model's translator.
     *
     * @return {@code image}, {@code features} or {@code tokens}
     */
    public String inputKind() {
        if (input instanceof DataInput.Image) {
            return "image";
        }
        return input instanceof DataInput.Features ? "features" : "tokens";
    }

    /**
     * Writes the description as JSON.
     *
     * @return the JSON text, ending with a new line
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode taskNode = root.putObject("task");
        if (task instanceof Task.Regression regression) {
            taskNode.put("kind", "regression")
                    .put("target", regression.target())
                    .put("mean", regression.mean())
                    .put("scale", regression.scale());
        } else {
            taskNode.put("kind", "classification")
                    .set("classNames", JSON.valueToTree(((Task.Classification) task).classNames()));
        }
        ObjectNode inputNode = root.putObject("input").put("kind", inputKind());
        if (input instanceof DataInput.Image image) {
            inputNode
                    .put("channels", image.channels())
                    .put("height", image.height())
                    .put("width", image.width());
        } else if (input instanceof DataInput.Features features) {
            inputNode.set("names", JSON.valueToTree(features.names()));
        } else if (input instanceof DataInput.Tokens tokens) {
            inputNode.put("vocabularySize", tokens.vocabularySize()).put("length", tokens.length());
        }
        root.set("preprocessing", JSON.valueToTree(preprocessing));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "preprocessing holds values that are not plain JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Reads a description from JSON.
     *
     * @param json the JSON text
     * @return the description
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static DataDescription fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(FILE + " is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode task = field(root, "task");
        JsonNode input = field(root, "input");
        Map<String, Object> preprocessing =
                JSON.convertValue(
                        root.path("preprocessing"), new TypeReference<Map<String, Object>>() {});
        return new DataDescription(
                readTask(task), readInput(input), preprocessing == null ? Map.of() : preprocessing);
    }

    /**
     * Reads the description of a published model, if it has one (models published before data
     * descriptions were kept have none: they are Fashion-MNIST-style image classifiers).
     *
     * @param versionFolder the model's version folder
     * @return the description, or empty if the folder has no {@value #FILE}
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is malformed
     */
    public static Optional<DataDescription> read(Path versionFolder) throws IOException {
        Path file = versionFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Task readTask(JsonNode task) {
        String kind = field(task, "kind").asText();
        return switch (kind) {
            case "regression" ->
                    new Task.Regression(
                            field(task, "target").asText(),
                            field(task, "mean").asDouble(),
                            field(task, "scale").asDouble());
            case "classification" -> new Task.Classification(texts(field(task, "classNames")));
            default ->
                    throw new IllegalArgumentException(
                            "task kind is '" + kind + "'; expected classification or regression");
        };
    }

    private static DataInput readInput(JsonNode input) {
        String kind = field(input, "kind").asText();
        return switch (kind) {
            case "image" ->
                    new DataInput.Image(
                            field(input, "channels").asInt(),
                            field(input, "height").asInt(),
                            field(input, "width").asInt());
            case "features" -> new DataInput.Features(texts(field(input, "names")));
            case "tokens" ->
                    new DataInput.Tokens(
                            field(input, "vocabularySize").asInt(), field(input, "length").asInt());
            default ->
                    throw new IllegalArgumentException(
                            "input kind is '" + kind + "'; expected image, features or tokens");
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }
}
