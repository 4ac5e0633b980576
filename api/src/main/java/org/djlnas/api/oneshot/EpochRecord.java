package org.djlnas.api.oneshot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;

/**
 * What one epoch of a one-shot search ended with: the architecture its weights derive, the mixing
 * weights of every edge, and metrics such as the supernet's accuracy.
 *
 * @param epoch the epoch, counting from 1
 * @param architecture the architecture derived after the epoch
 * @param mixingWeights edge label → softmax of its architecture parameters, one per candidate
 * @param metrics named values (training and validation loss and accuracy, seconds)
 */
public record EpochRecord(
        int epoch,
        Architecture architecture,
        Map<String, List<Double>> mixingWeights,
        Map<String, Double> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and copies the fields. */
    public EpochRecord {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch is " + epoch + "; expected >= 1");
        }
        mixingWeights = copy(mixingWeights);
        requireNonNull(architecture, "architecture is null");
        requireNonNull(metrics, "metrics are null");
        metrics.forEach(
                (name, value) -> requireNonNull(value, () -> "metric '" + name + "' is null"));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Returns the record as JSON: {@code {"epoch":…,"architecture":{…},"mixingWeights":{…},
     * "metrics":{…}}}.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("epoch", epoch);
        try {
            root.set("architecture", JSON.readTree(architecture.toJson()));
            root.set("mixingWeights", JSON.valueToTree(mixingWeights));
            root.set("metrics", JSON.valueToTree(metrics));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an epoch record as JSON", e);
        }
    }

    /**
     * Parses a record written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the record
     * @throws IllegalArgumentException if the text is not such a record
     */
    public static EpochRecord fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, List<Double>> weights =
                    JSON.convertValue(root.required("mixingWeights"), new TypeReference<>() {});
            Map<String, Double> metrics =
                    JSON.convertValue(root.required("metrics"), new TypeReference<>() {});
            return new EpochRecord(
                    root.required("epoch").asInt(),
                    Architecture.fromJson(root.required("architecture").toString()),
                    weights,
                    metrics);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "malformed epoch record ("
                            + e.getMessage()
                            + "); expected epoch, architecture, mixingWeights and metrics",
                    e);
        }
    }

    private static Map<String, List<Double>> copy(Map<String, List<Double>> weights) {
        requireNonNull(weights, "mixing weights are null");
        Map<String, List<Double>> result = new LinkedHashMap<>();
        weights.forEach((label, values) -> result.put(label, List.copyOf(values)));
        return Collections.unmodifiableMap(result);
    }
}
