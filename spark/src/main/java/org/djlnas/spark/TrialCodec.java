package org.djlnas.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.exec.TrialJson;
import org.djlnas.api.trial.TrialSpec;

/**
 * The JSON that travels between the driver and a Spark task: a {@link TrialSpec} one way, a {@link
 * TrialOutcome} (the result and the reports made on the way) the other.
 */
final class TrialCodec {

    private TrialCodec() {}

    static String spec(TrialSpec spec) {
        return TrialJson.writeSpec(spec, TrialJson.object()).toString();
    }

    static TrialSpec spec(String json) {
        return TrialJson.readSpec(TrialJson.parse(json));
    }

    static String outcome(TrialOutcome outcome) {
        ObjectNode node = TrialJson.writeResult(outcome.result(), TrialJson.object());
        ArrayNode reports = node.putArray("reports");
        for (TrialOutcome.Report report : outcome.reports()) {
            reports.addObject().put("step", report.step()).put("value", report.value());
        }
        return node.toString();
    }

    static TrialOutcome outcome(String json) {
        JsonNode node = TrialJson.parse(json);
        List<TrialOutcome.Report> reports = new ArrayList<>();
        for (JsonNode report : node.get("reports")) {
            reports.add(
                    new TrialOutcome.Report(
                            report.get("step").asInt(), report.get("value").asDouble()));
        }
        return new TrialOutcome(TrialJson.readResult(node), reports);
    }
}
