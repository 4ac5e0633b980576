package org.djlnas.api.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * A choice of {@code k} distinct inputs out of {@code n} candidates (for example the two
 * predecessors of a DARTS cell node). Its value is the ascending list of chosen indices. Each
 * candidate input may carry nested choices (for example the operation on its edge) that are
 * reachable only when that input is chosen.
 */
public final class InputChoice implements Choice {

    /** The largest number of k-subsets an input choice may have. */
    public static final int MAX_SUBSETS = 1 << 20;

    private final String label;
    private final int candidates;
    private final int chosen;
    private final List<List<Choice>> nestedPerInput;
    private final List<Object> subsets;

    private InputChoice(
            String label, int candidates, int chosen, List<List<Choice>> nestedPerInput) {
        this.label = Labels.check(label);
        if (candidates < 1 || chosen < 1 || chosen > candidates) {
            throw new IllegalArgumentException(
                    "input choice '"
                            + label
                            + "' picks "
                            + chosen
                            + " of "
                            + candidates
                            + " inputs; expected 1 <= k <= n");
        }
        if (binomial(candidates, chosen).compareTo(BigInteger.valueOf(MAX_SUBSETS)) > 0) {
            throw new IllegalArgumentException(
                    "input choice '"
                            + label
                            + "' has more than "
                            + MAX_SUBSETS
                            + " subsets; expected a smaller n or k");
        }
        this.candidates = candidates;
        this.chosen = chosen;
        this.nestedPerInput = nestedPerInput;
        this.subsets = Collections.unmodifiableList(enumerateSubsets(candidates, chosen));
    }

    /**
     * Creates an input choice with no nested choices.
     *
     * @param label the label
     * @param candidates n, the number of candidate inputs
     * @param chosen k, how many distinct inputs are chosen
     * @return the choice
     */
    public static InputChoice of(String label, int candidates, int chosen) {
        return of(label, candidates, chosen, index -> List.of());
    }

    /**
     * Creates an input choice whose candidate inputs carry nested choices.
     *
     * @param label the label
     * @param candidates n, the number of candidate inputs
     * @param chosen k, how many distinct inputs are chosen
     * @param nested the choices reachable when input {@code i} is chosen
     * @return the choice
     */
    public static InputChoice of(
            String label, int candidates, int chosen, IntFunction<List<Choice>> nested) {
        List<List<Choice>> perInput = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            perInput.add(List.copyOf(nested.apply(i)));
        }
        return new InputChoice(label, candidates, chosen, List.copyOf(perInput));
    }

    /**
     * Returns n, the number of candidate inputs.
     *
     * @return n
     */
    public int candidates() {
        return candidates;
    }

    /**
     * Returns k, the number of inputs chosen.
     *
     * @return k
     */
    public int chosen() {
        return chosen;
    }

    /**
     * Returns the choices reachable when one input is chosen.
     *
     * @param input the input index
     * @return its nested choices
     */
    public List<Choice> nested(int input) {
        return nestedPerInput.get(input);
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
        return subsets;
    }

    @Override
    public Object sampleValue(RandomGenerator random) {
        return subsets.get(random.nextInt(subsets.size()));
    }

    @Override
    public List<Choice> children(Object value) {
        List<Choice> nested = new ArrayList<>();
        for (Object index : (List<?>) value) {
            nested.addAll(nestedPerInput.get(((Number) index).intValue()));
        }
        return nested;
    }

    @Override
    public boolean hasChildren() {
        return nestedPerInput.stream().anyMatch(nested -> !nested.isEmpty());
    }

    @Override
    public Object canonicalize(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a list of indices; expected " + describeDomain());
        }
        List<Long> indices = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Long || o instanceof Integer)) {
                throw new IllegalArgumentException(
                        "'" + o + "' is not an integer index; expected " + describeDomain());
            }
            long index = ((Number) o).longValue();
            if (index < 0 || index >= candidates) {
                throw new IllegalArgumentException(
                        "input " + index + " is out of range; expected " + describeDomain());
            }
            if (indices.contains(index)) {
                throw new IllegalArgumentException(
                        "input " + index + " is chosen twice; expected " + describeDomain());
            }
            indices.add(index);
        }
        if (indices.size() != chosen) {
            throw new IllegalArgumentException(
                    indices.size() + " inputs are chosen; expected " + describeDomain());
        }
        Collections.sort(indices);
        return List.copyOf(indices);
    }

    @Override
    public String describeDomain() {
        return chosen
                + " distinct "
                + (chosen == 1 ? "index" : "indices")
                + " in [0, "
                + (candidates - 1)
                + "]";
    }

    @Override
    public String toString() {
        return "InputChoice[" + label + ": " + chosen + " of " + candidates + "]";
    }

    private static List<Object> enumerateSubsets(int n, int k) {
        List<Object> result = new ArrayList<>();
        long[] current = new long[k];
        collect(0, 0, n, current, result);
        return result;
    }

    private static void collect(int position, int start, int n, long[] current, List<Object> out) {
        if (position == current.length) {
            List<Long> subset = new ArrayList<>(current.length);
            for (long index : current) {
                subset.add(index);
            }
            out.add(List.copyOf(subset));
            return;
        }
        for (int i = start; i <= n - (current.length - position); i++) {
            current[position] = i;
            collect(position + 1, i + 1, n, current, out);
        }
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }
}
