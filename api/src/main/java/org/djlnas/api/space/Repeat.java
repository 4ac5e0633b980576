package org.djlnas.api.space;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Depth as a choice: a block repeated one of several numbers of times. Repetition {@code i}
 * (counting from 0) may carry its own choices, conventionally labelled {@code <label>/<i>/...};
 * they are reachable only when the chosen depth exceeds {@code i}. The value is the depth.
 */
public final class Repeat implements Choice {

    private final String label;
    private final List<Object> depths;
    private final List<List<Choice>> nestedPerLayer;

    private Repeat(String label, List<Object> depths, List<List<Choice>> nestedPerLayer) {
        this.label = Labels.check(label);
        this.depths = depths;
        this.nestedPerLayer = nestedPerLayer;
    }

    /**
     * Creates a repeat whose layers have no choices of their own.
     *
     * @param label the label
     * @param depths the allowed depths, each at least 0
     * @return the choice
     */
    public static Repeat of(String label, List<Integer> depths) {
        return of(label, depths, layer -> List.of());
    }

    /**
     * Creates a repeat whose layers carry choices.
     *
     * @param label the label
     * @param depths the allowed depths, each at least 0
     * @param layer the choices of repetition {@code i}; labels should start with {@code
     *     <label>/<i>/}
     * @return the choice
     */
    public static Repeat of(String label, List<Integer> depths, IntFunction<List<Choice>> layer) {
        if (depths.isEmpty() || depths.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException(
                    "repeat '" + label + "': depths " + depths + " must be non-empty and >= 0");
        }
        TreeSet<Integer> sorted = new TreeSet<>(depths);
        List<Object> canonical = new ArrayList<>();
        sorted.forEach(d -> canonical.add((long) d));
        List<List<Choice>> perLayer = new ArrayList<>();
        for (int i = 0; i < sorted.last(); i++) {
            perLayer.add(List.copyOf(layer.apply(i)));
        }
        return new Repeat(label, List.copyOf(canonical), List.copyOf(perLayer));
    }

    /**
     * Returns the choices of one repetition.
     *
     * @param layer the repetition, counting from 0
     * @return its choices
     */
    public List<Choice> layer(int layer) {
        return nestedPerLayer.get(layer);
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
        return depths;
    }

    @Override
    public Object sampleValue(RandomGenerator random) {
        return depths.get(random.nextInt(depths.size()));
    }

    @Override
    public List<Choice> children(Object value) {
        int depth = ((Number) value).intValue();
        List<Choice> nested = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            nested.addAll(nestedPerLayer.get(i));
        }
        return nested;
    }

    @Override
    public boolean hasChildren() {
        return nestedPerLayer.stream().anyMatch(nested -> !nested.isEmpty());
    }

    @Override
    public Object canonicalize(Object value) {
        if (!(value instanceof Long || value instanceof Integer)
                || !depths.contains(((Number) value).longValue())) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not an allowed depth; expected " + describeDomain());
        }
        return ((Number) value).longValue();
    }

    @Override
    public String describeDomain() {
        return "a depth in " + depths;
    }

    @Override
    public String toString() {
        return "Repeat[" + label + ": " + depths + "]";
    }
}
