package org.djlnas.runtime.workers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * The lines a driver and its workers exchange. Each message is one line of JSON with a {@code
 * type}, written after {@link #PREFIX} so that anything else a worker's natives print on its
 * standard output is told apart and logged, not read.
 *
 * <p>Driver to worker: {@code setup} (the experiment's configuration as journaled), {@code trial}
 * (a {@link TrialSpec}), {@code verdict} (whether the trial that reported last should stop). Worker
 * to driver: {@code ready}, {@code broken} (the worker cannot build its evaluator), {@code report}
 * (an intermediate objective, answered by a verdict) and {@code result} (a {@link TrialResult}).
 */
final class WorkerMessages {

    /** What starts every message line. */
    static final String PREFIX = "@nas-worker ";

    static final String SETUP = "setup";
    static final String TRIAL = "trial";
    static final String VERDICT = "verdict";
    static final String READY = "ready";
    static final String BROKEN = "broken";
    static final String REPORT = "report";
    static final String RESULT = "result";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkerMessages() {}

    static String setup(String configJson) {
        return line(message(SETUP).put("config", configJson));
    }

    static String ready() {
        return line(message(READY));
    }

    static String broken(String reason) {
        return line(message(BROKEN).put("reason", reason));
    }

    static String verdict(boolean stop) {
        return line(message(VERDICT).put("stop", stop));
    }

    static String report(double value, int step) {
        return line(message(REPORT).put("value", value).put("step", step));
    }

    static String trial(TrialSpec spec) {
        ObjectNode node = message(TRIAL);
        node.put("number", spec.number());
        node.set("architecture", tree(spec.architecture().toJson()));
        node.put("epochs", spec.budget().epochs());
        node.put("maxTrainExamples", spec.budget().maxTrainExamples());
        node.put("seed", spec.seed());
        spec.continues().ifPresent(earlier -> node.put("continues", earlier));
        return line(node);
    }

    static TrialSpec trial(JsonNode node) {
        return new TrialSpec(
                node.get("number").asInt(),
                Architecture.fromJson(node.get("architecture").toString()),
                new Budget(node.get("epochs").asDouble(), node.get("maxTrainExamples").asInt()),
                node.get("seed").asLong(),
                node.has("continues")
                        ? OptionalInt.of(node.get("continues").asInt())
                        : OptionalInt.empty());
    }

    static String result(TrialResult result) {
        ObjectNode node = message(RESULT);
        node.put("state", result.state().name());
        ObjectNode metrics = node.putObject("metrics");
        new TreeMap<>(result.metrics()).forEach(metrics::put);
        if (result.error() != null) {
            node.put("error", result.error());
        }
        node.put("startedAt", result.startedAt().toString());
        node.put("endedAt", result.endedAt().toString());
        return line(node);
    }

    static TrialResult result(JsonNode node) {
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
     * Reads a message line, or returns null for a line that is not one.
     *
     * @param line the line
     * @return the message, or null
     * @throws IllegalStateException if the line carries the prefix but no JSON object
     */
    static @org.jspecify.annotations.Nullable JsonNode parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        JsonNode node = tree(line.substring(PREFIX.length()));
        if (!node.hasNonNull("type")) {
            throw new IllegalStateException("a worker message has no type: " + line);
        }
        return node;
    }

    private static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static String line(ObjectNode node) {
        return PREFIX + node;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a worker message is not JSON: " + json, e);
        }
    }
}
