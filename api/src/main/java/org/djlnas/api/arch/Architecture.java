package org.djlnas.api.arch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One concrete point of a search space: a value for every label the chosen path reaches.
 *
 * <p>Architectures are immutable values. Their canonical JSON form is an object with sorted keys
 * whose values are strings, integers, floating-point numbers, booleans or lists of integers (the
 * chosen inputs of an input choice); {@link #id()} is derived from that form, so equal
 * architectures have equal ids on every machine. An architecture knows nothing of its space: {@code
 * SearchSpace.validate} checks one against a space.
 */
public final class Architecture {

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .configure(
                            com.fasterxml.jackson.databind.DeserializationFeature
                                    .FAIL_ON_TRAILING_TOKENS,
                            true)
                    .enable(
                            com.fasterxml.jackson.core.JsonParser.Feature
                                    .STRICT_DUPLICATE_DETECTION);
    private static final int ID_HEX_DIGITS = 16;

    private final SortedMap<String, Object> values;
    private final String json;

    private Architecture(SortedMap<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(values);
        try {
            this.json = JSON.writeValueAsString(this.values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write architecture JSON", e);
        }
    }

    /**
     * Creates an architecture from label → value pairs. Integers become {@code Long}, other numbers
     * {@code Double}, and lists of integers become lists of {@code Long}.
     *
     * @param values the value of each label
     * @return the architecture
     * @throws InvalidArchitectureException if a label is blank or a value has an unsupported type
     */
    public static Architecture of(Map<String, ?> values) {
        SortedMap<String, Object> canonical = new TreeMap<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String label = Objects.requireNonNull(entry.getKey(), "label is null");
            if (label.isBlank()) {
                throw new InvalidArchitectureException(
                        "an architecture label is empty; expected a non-empty '/'-scoped name");
            }
            canonical.put(label, canonicalValue(label, entry.getValue()));
        }
        return new Architecture(canonical);
    }

    /**
     * Parses an architecture from its JSON form: one object mapping each label to its value.
     *
     * @param json the JSON text
     * @return the architecture
     * @throws InvalidArchitectureException if the text is not such an object
     */
    public static Architecture fromJson(String json) {
        if (json.isBlank()) {
            throw new InvalidArchitectureException(
                    "the architecture JSON is empty; expected an object mapping each label to its"
                            + " value");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArchitectureException(
                    "malformed architecture JSON "
                            + describe(e)
                            + "; expected an object mapping each label to its value",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidArchitectureException(
                    "the architecture JSON is "
                            + (root == null
                                    ? "empty"
                                    : "a JSON "
                                            + root.getNodeType()
                                                    .toString()
                                                    .toLowerCase(java.util.Locale.ROOT))
                            + "; expected an object mapping each label to its value");
        }
        SortedMap<String, Object> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            values.put(field.getKey(), fromJsonNode(field.getKey(), field.getValue()));
        }
        return of(values);
    }

    /** Describes a JSON syntax error by its place, without the parser's internals. */
    private static String describe(JsonProcessingException e) {
        String where =
                e.getLocation() == null
                        ? ""
                        : " at line "
                                + e.getLocation().getLineNr()
                                + ", column "
                                + e.getLocation().getColumnNr();
        if (e instanceof JsonEOFException) {
            return "(it ends" + where + " before its object is closed; is it truncated?)";
        }
        String problem =
                e.getOriginalMessage()
                        .replaceAll("\\s*\\(start marker at \\[Source:.*", "")
                        .replaceAll("\\s*\\[Source:.*", "")
                        .replaceAll(": (was )?expect.*", "")
                        .lines()
                        .findFirst()
                        .orElse("")
                        .strip();
        return "(" + problem + where + ")";
    }

    /**
     * Returns the canonical JSON form: sorted keys, no white space.
     *
     * @return the canonical JSON
     */
    public String toJson() {
        return json;
    }

    /**
     * Returns a stable identifier: the first 16 hex digits of the SHA-256 of the canonical JSON.
     *
     * @return the id
     */
    public String id() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Returns every label → value pair, sorted by label.
     *
     * @return an unmodifiable view of the values
     */
    public SortedMap<String, Object> values() {
        return values;
    }

    /**
     * Tells whether this architecture has a value for a label.
     *
     * @param label the label
     * @return true if it has one
     */
    public boolean has(String label) {
        return values.containsKey(label);
    }

    /**
     * Returns the raw value of a label.
     *
     * @param label the label
     * @return its value
     * @throws InvalidArchitectureException if the label has no value
     */
    public Object get(String label) {
        Object value = values.get(label);
        if (value == null) {
            throw new InvalidArchitectureException(label, "missing from the architecture");
        }
        return value;
    }

    /**
     * Returns the value of a label that holds a string (a layer choice's candidate, or a
     * categorical value).
     *
     * @param label the label
     * @return its value
     */
    public String getString(String label) {
        return typed(label, String.class, "a string");
    }

    /**
     * Returns the value of a label that holds an integer (a repeat's depth or an integer value).
     *
     * @param label the label
     * @return its value
     */
    public long getLong(String label) {
        return typed(label, Long.class, "an integer");
    }

    /**
     * Returns the value of a label that holds a number.
     *
     * @param label the label
     * @return its value as a double
     */
    public double getDouble(String label) {
        return typed(label, Number.class, "a number").doubleValue();
    }

    /**
     * Returns the value of a label that holds a list of indices (an input choice).
     *
     * @param label the label
     * @return the chosen indices, ascending
     */
    public List<Integer> getIndices(String label) {
        List<?> raw = typed(label, List.class, "a list of indices");
        List<Integer> indices = new ArrayList<>(raw.size());
        for (Object o : raw) {
            indices.add(((Long) o).intValue());
        }
        return List.copyOf(indices);
    }

    /**
     * Returns a copy of this architecture with one value changed or added.
     *
     * @param label the label
     * @param value its new value
     * @return the new architecture
     */
    public Architecture with(String label, Object value) {
        SortedMap<String, Object> copy = new TreeMap<>(values);
        copy.put(label, value);
        return of(copy);
    }

    private <T> T typed(String label, Class<T> type, String expected) {
        Object value = get(label);
        if (!type.isInstance(value)) {
            throw new InvalidArchitectureException(
                    label, "holds " + describe(value) + " but " + expected + " was expected");
        }
        return type.cast(value);
    }

    private static Object canonicalValue(String label, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidArchitectureException(
                        label, "holds " + d + "; expected a finite number");
            }
            return d;
        }
        if (value instanceof List<?> list) {
            List<Long> indices = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof Long || o instanceof Integer)) {
                    throw new InvalidArchitectureException(
                            label,
                            "holds a list containing "
                                    + describe(o)
                                    + "; expected a list of integer indices");
                }
                indices.add(((Number) o).longValue());
            }
            return List.copyOf(indices);
        }
        throw new InvalidArchitectureException(
                label,
                "holds "
                        + describe(value)
                        + "; expected a string, a number, a boolean or a list of integer indices");
    }

    private static Object fromJsonNode(String label, JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.canConvertToLong() && node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isIntegralNumber() ? item.longValue() : item));
            return items;
        }
        throw new InvalidArchitectureException(
                label,
                "holds a JSON "
                        + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                        + "; expected a string, a number, a boolean or a list of integer indices");
    }

    private static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonNode node) {
            return "a JSON " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
        return "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Architecture other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }
}
