package org.djlnas.api.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * A trial's spec and result as plain JSON, the form in which they travel between a driver and the
 * processes or machines that evaluate trials. Doubles keep their exact value; a spec reads back
 * equal to what was written.
 *
 * <pre>{@code
 * {"number":7,"architecture":{...},"epochs":1.0,"maxTrainExamples":10000,"seed":42,"continues":3}
 * {"state":"DONE","metrics":{"accuracy":0.81},"startedAt":"...","endedAt":"..."}
 * }</pre>
 */
public final class TrialJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialJson() {}

    /**
     * Writes a spec's fields into an object node.
     *
     * @param spec the spec
     * @param node the node to fill (a new one from {@link #object()}, or a message's)
     * @return the node
     */
    public static ObjectNode writeSpec(TrialSpec spec, ObjectNode node) {
        node.put("number", spec.number());
        node.set("architecture", parse(spec.architecture().toJson()));
        node.put("epochs", spec.budget().epochs());
        node.put("maxTrainExamples", spec.budget().maxTrainExamples());
        node.put("seed", spec.seed());
        spec.continues().ifPresent(earlier -> node.put("continues", earlier));
        return node;
    }

    /**
     * Reads a spec written by {@link #writeSpec}.
     *
     * @param node the node
     * @return the spec
     */
    public static TrialSpec readSpec(JsonNode node) {
        return new TrialSpec(
                node.get("number").asInt(),
                Architecture.fromJson(node.get("architecture").toString()),
                new Budget(node.get("epochs").asDouble(), node.get("maxTrainExamples").asInt()),
                node.get("seed").asLong(),
                node.has("continues")
                        ? OptionalInt.of(node.get("continues").asInt())
                        : OptionalInt.empty());
    }

    /**
     * Writes a result's fields into an object node.
     *
     * @param result the result
     * @param node the node to fill
     * @return the node
     */
    public static ObjectNode writeResult(TrialResult result, ObjectNode node) {
        node.put("state", result.state().name());
        ObjectNode metrics = node.putObject("metrics");
        new TreeMap<>(result.metrics()).forEach(metrics::put);
        if (result.error() != null) {
            node.put("error", result.error());
        }
        node.put("startedAt", result.startedAt().toString());
        node.put("endedAt", result.endedAt().toString());
        return node;
    }

    /**
     * Reads a result written by {@link #writeResult}.
     *
     * @param node the node
     * @return the result
     */
    public static TrialResult readResult(JsonNode node) {
        Map<String, Double> metrics = new TreeMap<>();
        node.get("metrics")
                .fields()
                .forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new TrialResult(
                TrialState.valueOf(node.get("state").asText()),
                metrics,
                node.hasNonNull("error") ? node.get("error").asText() : null,
                Instant.parse(node.get("startedAt").asText()),
                Instant.parse(node.get("endedAt").asText()));
    }

    /**
     * Returns a new, empty object node.
     *
     * @return the node
     */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /**
     * Parses JSON text.
     *
     * @param json the text
     * @return the tree
     * @throws IllegalArgumentException if the text is not JSON
     */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
