package org.djlnas.runtime.workers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.djlnas.api.exec.TrialJson;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.TrialSpec;

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
        return line(TrialJson.writeSpec(spec, message(TRIAL)));
    }

    static TrialSpec trial(JsonNode node) {
        return TrialJson.readSpec(node);
    }

    static String result(TrialResult result) {
        return line(TrialJson.writeResult(result, message(RESULT)));
    }

    static TrialResult result(JsonNode node) {
        return TrialJson.readResult(node);
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
