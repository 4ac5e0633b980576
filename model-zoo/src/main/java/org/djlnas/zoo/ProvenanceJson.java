package org.djlnas.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The JSON form of a {@link Provenance}, as {@value ZooLayout#PROVENANCE_FILE} holds it:
 *
 * <pre>{@code
 * {"formatVersion": 1,
 *  "space": {"id": …, "settings": {…}}, "strategy": {"id": …, "settings": {…}},
 *  "seeds": {…}, "engine": {"name": …, "version": …},
 *  "dataset": {"id": …, "split": {…}},
 *  "metrics": {"validation": {…}, "test": {…}}, "parameters": …, "latencyMs": …,
 *  "library": {"djl-nas": …, "djl": …}, "created": "2026-11-28T10:00:00Z"}
 * }</pre>
 */
final class ProvenanceJson {

    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProvenanceJson() {}

    /**
     * Writes a record as indented JSON.
     *
     * @param provenance the record
     * @return the JSON text
     */
    static String write(Provenance provenance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        component(root.putObject("space"), provenance.space(), provenance.spaceSettings());
        component(root.putObject("strategy"), provenance.strategy(), provenance.strategySettings());
        ObjectNode seeds = root.putObject("seeds");
        provenance.seeds().forEach(seeds::put);
        root.putObject("engine")
                .put("name", provenance.engine())
                .put("version", provenance.engineVersion());
        ObjectNode dataset = root.putObject("dataset").put("id", provenance.dataset());
        ObjectNode split = dataset.putObject("split");
        provenance.split().forEach(split::put);
        ObjectNode metrics = root.putObject("metrics");
        ObjectNode validation = metrics.putObject("validation");
        provenance.validationMetrics().forEach(validation::put);
        ObjectNode test = metrics.putObject("test");
        provenance.testMetrics().forEach(test::put);
        root.put("parameters", provenance.parameters());
        provenance.latencyMs().ifPresent(latency -> root.put("latencyMs", latency));
        root.putObject("library")
                .put("djl-nas", provenance.libraryVersion())
                .put("djl", provenance.djlVersion());
        root.put("created", provenance.created().toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance JSON", e);
        }
    }

    /**
     * Reads a record.
     *
     * @param json the JSON text
     * @param source where the text comes from, for messages
     * @return the record
     * @throws IllegalArgumentException naming the source and the field if the text is not a
     *     provenance record
     */
    static Provenance read(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        Reader reader = new Reader();
        try {
            int format = reader.node(root, "formatVersion").asInt(-1);
            if (format != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "formatVersion is "
                                + root.get("formatVersion")
                                + "; this library reads version "
                                + FORMAT_VERSION);
            }
            JsonNode space = reader.node(root, "space");
            JsonNode strategy = reader.node(root, "strategy");
            JsonNode engine = reader.node(root, "engine");
            JsonNode dataset = reader.node(root, "dataset");
            JsonNode metrics = reader.node(root, "metrics");
            JsonNode library = reader.node(root, "library");
            JsonNode latency = root.get("latencyMs");
            return new Provenance(
                    reader.text(space, "space.id"),
                    reader.map(space, "space.settings", JsonNode::asText),
                    reader.text(strategy, "strategy.id"),
                    reader.map(strategy, "strategy.settings", JsonNode::asText),
                    reader.map(root, "seeds", JsonNode::asLong),
                    reader.text(engine, "engine.name"),
                    reader.text(engine, "engine.version"),
                    reader.text(dataset, "dataset.id"),
                    reader.map(dataset, "dataset.split", JsonNode::asText),
                    reader.map(metrics, "metrics.validation", JsonNode::asDouble),
                    reader.map(metrics, "metrics.test", JsonNode::asDouble),
                    reader.node(root, "parameters").asLong(),
                    latency == null
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(latency.asDouble()),
                    reader.text(library, "library.djl-nas"),
                    reader.text(library, "library.djl"),
                    Instant.parse(reader.text(root, "created")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    source + ": created is not an ISO-8601 instant: " + e.getParsedString(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static void component(ObjectNode node, String id, Map<String, String> settings) {
        node.put("id", id);
        ObjectNode values = node.putObject("settings");
        settings.forEach(values::put);
    }

    /** Reads fields, naming the field when one is missing. */
    private static final class Reader {

        JsonNode node(JsonNode parent, String path) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                throw new IllegalArgumentException("field '" + path + "' is missing");
            }
            return node;
        }

        String text(JsonNode parent, String path) {
            return node(parent, path).asText();
        }

        <V> SortedMap<String, V> map(JsonNode parent, String path, Function<JsonNode, V> value) {
            JsonNode node = node(parent, path);
            if (!node.isObject()) {
                throw new IllegalArgumentException("field '" + path + "' is not a JSON object");
            }
            SortedMap<String, V> map = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), value.apply(field.getValue()));
            }
            return map;
        }
    }
}
