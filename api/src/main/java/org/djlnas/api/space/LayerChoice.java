package org.djlnas.api.space;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A choice of one of several named candidates, for example an operation on a cell edge. Each
 * candidate may carry nested choices that are reachable only when it is chosen.
 *
 * <p>The choice holds names, not blocks: the space's compiling code (usually through an {@code
 * OpRegistry}) turns the chosen name into a block, so unchosen candidates are never built.
 */
public final class LayerChoice implements Choice {

    private final String label;
    private final Map<String, List<Choice>> candidates;
    private final List<Object> values;

    private LayerChoice(String label, Map<String, List<Choice>> candidates) {
        this.label = Labels.check(label);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(
                    "layer choice '" + label + "' has no candidates; expected at least one");
        }
        this.candidates = candidates;
        this.values = List.copyOf(candidates.keySet());
    }

    /**
     * Creates a layer choice whose candidates have no nested choices.
     *
     * @param label the label
     * @param candidates the candidate names, in canonical order
     * @return the choice
     */
    public static LayerChoice of(String label, List<String> candidates) {
        Builder builder = builder(label);
        candidates.forEach(builder::addCandidate);
        return builder.build();
    }

    /**
     * Starts building a layer choice.
     *
     * @param label the label
     * @return a builder
     */
    public static Builder builder(String label) {
        return new Builder(label);
    }

    /**
     * Returns the candidate names in canonical order.
     *
     * @return the names
     */
    public List<String> candidates() {
        return List.copyOf(candidates.keySet());
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isContinuous() {
        return false;
    }

    @Override
    public List<Object> values() {
        return values;
    }

    @Override
    public Object sampleValue(RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    @Override
    public List<Choice> children(Object value) {
        List<Choice> nested = candidates.get(value);
        if (nested == null) {
            throw new IllegalArgumentException(
                    "layer choice '" + label + "' has no candidate '" + value + "'");
        }
        return nested;
    }

    @Override
    public boolean hasChildren() {
        return candidates.values().stream().anyMatch(nested -> !nested.isEmpty());
    }

    @Override
    public Object canonicalize(Object value) {
        if (!(value instanceof String) || !candidates.containsKey(value)) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a candidate; expected " + describeDomain());
        }
        return value;
    }

    @Override
    public String describeDomain() {
        return "one of " + values;
    }

    @Override
    public String toString() {
        return "LayerChoice[" + label + ": " + values + "]";
    }

    /** Builds a {@link LayerChoice}. */
    public static final class Builder {

        private final String label;
        private final Map<String, List<Choice>> candidates = new LinkedHashMap<>();

        private Builder(String label) {
            this.label = requireNonNull(label, "label is null");
        }

        /**
         * Adds a candidate, with the choices reachable when it is chosen.
         *
         * @param name the candidate's name, unique within this choice
         * @param nested the nested choices
         * @return this builder
         */
        public Builder addCandidate(String name, Choice... nested) {
            return addCandidate(name, List.of(nested));
        }

        /**
         * Adds a candidate, with the choices reachable when it is chosen.
         *
         * @param name the candidate's name, unique within this choice
         * @param nested the nested choices
         * @return this builder
         */
        public Builder addCandidate(String name, List<Choice> nested) {
            if (name.isBlank()) {
                throw new IllegalArgumentException(
                        "layer choice '" + label + "': a candidate name is empty");
            }
            if (candidates.putIfAbsent(name, List.copyOf(new ArrayList<>(nested))) != null) {
                throw new IllegalArgumentException(
                        "layer choice '" + label + "': candidate '" + name + "' appears twice");
            }
            return this;
        }

        /**
         * Builds the choice.
         *
         * @return the choice
         */
        public LayerChoice build() {
            return new LayerChoice(label, new LinkedHashMap<>(candidates));
        }
    }
}
