package org.djlnas.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * The JSON that travels between the driver and a Spark task: a {@link TrialSpec} one way, a {@link
 * TrialOutcome} (the result and the reports made on the way) the other.
 */
final class TrialCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialCodec() {}

    static String spec(TrialSpec spec) {
        ObjectNode node = JSON.createObjectNode();
        node.put("number", spec.number());
        node.set("architecture", tree(spec.architecture().toJson()));
        node.put("epochs", spec.budget().epochs());
        node.put("maxTrainExamples", spec.budget().maxTrainExamples());
        node.put("seed", spec.seed());
        spec.continues().ifPresent(earlier -> node.put("continues", earlier));
        return node.toString();
    }

    static TrialSpec spec(String json) {
        JsonNode node = tree(json);
        return new TrialSpec(
                node.get("number").asInt(),
                Architecture.fromJson(node.get("architecture").toString()),
                new Budget(node.get("epochs").asDouble(), node.get("maxTrainExamples").asInt()),
                node.get("seed").asLong(),
                node.has("continues")
                        ? OptionalInt.of(node.get("continues").asInt())
                        : OptionalInt.empty());
    }

    static String outcome(TrialOutcome outcome) {
        TrialResult result = outcome.result();
        ObjectNode node = JSON.createObjectNode();
        node.put("state", result.state().name());
        ObjectNode metrics = node.putObject("metrics");
        new TreeMap<>(result.metrics()).forEach(metrics::put);
        if (result.error() != null) {
            node.put("error", result.error());
        }
        node.put("startedAt", result.startedAt().toString());
        node.put("endedAt", result.endedAt().toString());
        ArrayNode reports = node.putArray("reports");
        for (TrialOutcome.Report report : outcome.reports()) {
            reports.addObject().put("step", report.step()).put("value", report.value());
        }
        return node.toString();
    }

    static TrialOutcome outcome(String json) {
        JsonNode node = tree(json);
        Map<String, Double> metrics = new TreeMap<>();
        node.get("metrics")
                .fields()
                .forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        TrialResult result =
                new TrialResult(
                        TrialState.valueOf(node.get("state").asText()),
                        metrics,
                        node.hasNonNull("error") ? node.get("error").asText() : null,
                        Instant.parse(node.get("startedAt").asText()),
                        Instant.parse(node.get("endedAt").asText()));
        List<TrialOutcome.Report> reports = new ArrayList<>();
        for (JsonNode report : node.get("reports")) {
            reports.add(
                    new TrialOutcome.Report(
                            report.get("step").asInt(), report.get("value").asDouble()));
        }
        return new TrialOutcome(result, reports);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
