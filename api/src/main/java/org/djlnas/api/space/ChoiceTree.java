package org.djlnas.api.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;

/**
 * The choices of a search space, nested as the space nests them, and what can be computed from them
 * alone: the exact size, uniform sampling, mutation, lazy enumeration and validation of
 * architectures.
 *
 * <p>Uniform means uniform over architectures, not over each choice's values: a candidate that
 * opens a larger sub-space is drawn more often, in proportion to its number of architectures. On a
 * path through a continuous choice each value is drawn uniformly from its own domain instead.
 */
public final class ChoiceTree {

    private final List<Choice> roots;
    private final Map<String, Choice> choicesByLabel;
    private final Map<Choice, SpaceSize> sizes = new IdentityHashMap<>();
    private final Map<Choice, List<SpaceSize>> sizesPerValue = new IdentityHashMap<>();

    /**
     * Creates a tree from its top-level choices.
     *
     * @param roots the choices reachable in every architecture
     * @throws IllegalArgumentException if two different choices share a label
     */
    public ChoiceTree(List<Choice> roots) {
        this.roots = List.copyOf(roots);
        Map<String, Choice> byLabel = new LinkedHashMap<>();
        Set<Choice> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Choice root : this.roots) {
            index(root, byLabel, visited);
        }
        requireDisjoint(this.roots, "the top level");
        this.choicesByLabel = Collections.unmodifiableMap(byLabel);
        for (Choice choice : byLabel.values()) {
            sizeOf(choice);
        }
    }

    /**
     * Returns the top-level choices.
     *
     * @return the choices reachable in every architecture
     */
    public List<Choice> roots() {
        return roots;
    }

    /**
     * Returns every choice of the tree, reachable or not, by label, in depth-first order.
     *
     * @return the choices
     */
    public Map<String, Choice> choicesByLabel() {
        return choicesByLabel;
    }

    /**
     * Returns the exact number of architectures.
     *
     * @return the size
     */
    public SpaceSize size() {
        return sizeOf(roots);
    }

    /**
     * Draws an architecture uniformly at random.
     *
     * @param random the random source
     * @return the architecture
     */
    public Architecture sample(RandomGenerator random) {
        Map<String, Object> values = new TreeMap<>();
        for (Choice choice : roots) {
            sampleSubtree(choice, random, values);
        }
        return Architecture.of(values);
    }

    /**
     * Changes exactly one reachable choice of an architecture to another of its values. Choices
     * that the new value makes reachable are drawn uniformly; choices it makes unreachable are
     * dropped. Every reachable choice with more than one value is equally likely to change.
     *
     * @param architecture a valid architecture of this tree
     * @param random the random source
     * @return the mutated architecture, different from the original
     * @throws IllegalStateException if no choice has a second value
     */
    public Architecture mutate(Architecture architecture, RandomGenerator random) {
        Architecture valid = validate(architecture);
        List<Choice> mutable = new ArrayList<>();
        for (Choice choice : reachable(valid)) {
            if (choice.isContinuous() || choice.values().size() > 1) {
                mutable.add(choice);
            }
        }
        if (mutable.isEmpty()) {
            throw new IllegalStateException(
                    "the space has a single architecture, so there is nothing to mutate");
        }
        Choice target = mutable.get(random.nextInt(mutable.size()));
        Object old = valid.get(target.label());
        Object replacement = otherValue(target, old, random);
        Map<String, Object> values = new TreeMap<>();
        walkKeeping(roots, valid, target, replacement, random, values);
        return Architecture.of(values);
    }

    /**
     * Enumerates every architecture lazily, in a fixed order.
     *
     * @return an iterator over all architectures
     * @throws IllegalStateException if the space is infinite
     */
    public Iterator<Architecture> enumerate() {
        if (!size().isFinite()) {
            throw new IllegalStateException(
                    "the space is infinite (it has a continuous choice) and cannot be enumerated");
        }
        return enumerate(roots, new TreeMap<>());
    }

    /**
     * Checks an architecture against this tree and returns its canonical form.
     *
     * @param architecture the architecture
     * @return the same architecture with canonical values
     * @throws InvalidArchitectureException naming the label if a reachable label is missing, a
     *     value is outside its domain, or a label is unknown or unreachable
     */
    public Architecture validate(Architecture architecture) {
        Map<String, Object> canonical = new TreeMap<>();
        java.util.Deque<Choice> pending = new java.util.ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Choice choice = pending.removeFirst();
            String label = choice.label();
            if (!architecture.has(label)) {
                String unknown =
                        architecture.values().keySet().stream()
                                .filter(l -> !choicesByLabel.containsKey(l))
                                .map(l -> "'" + l + "'")
                                .collect(java.util.stream.Collectors.joining(", "));
                throw new InvalidArchitectureException(
                        label,
                        "missing; expected "
                                + choice.describeDomain()
                                + (unknown.isEmpty()
                                        ? ""
                                        : " (the architecture's labels "
                                                + unknown
                                                + " are unknown to the space)"));
            }
            Object value;
            try {
                value = choice.canonicalize(architecture.get(label));
            } catch (IllegalArgumentException e) {
                throw new InvalidArchitectureException(label, e.getMessage());
            }
            canonical.put(label, value);
            List<Choice> children = choice.children(value);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.addFirst(children.get(i));
            }
        }
        for (String label : architecture.values().keySet()) {
            if (canonical.containsKey(label)) {
                continue;
            }
            if (choicesByLabel.containsKey(label)) {
                throw new InvalidArchitectureException(
                        label,
                        "is not reached by the values chosen for its enclosing choices; remove it");
            }
            throw new InvalidArchitectureException(
                    label, "is unknown; expected labels such as " + exampleLabels());
        }
        return Architecture.of(canonical);
    }

    /**
     * Returns the choices an architecture reaches, in depth-first order.
     *
     * @param architecture a valid architecture
     * @return the reachable choices
     */
    public List<Choice> reachable(Architecture architecture) {
        List<Choice> out = new ArrayList<>();
        collectReachable(roots, architecture, out);
        return out;
    }

    private void collectReachable(List<Choice> choices, Architecture arch, List<Choice> out) {
        for (Choice choice : choices) {
            out.add(choice);
            collectReachable(choice.children(arch.get(choice.label())), arch, out);
        }
    }

    private String exampleLabels() {
        List<String> labels = new ArrayList<>(choicesByLabel.keySet());
        int shown = Math.min(labels.size(), 6);
        return labels.subList(0, shown) + (labels.size() > shown ? " (and more)" : "");
    }

    private static void index(Choice choice, Map<String, Choice> byLabel, Set<Choice> visited) {
        if (!visited.add(choice)) {
            return;
        }
        Choice previous = byLabel.putIfAbsent(choice.label(), choice);
        if (previous != null) {
            throw new IllegalArgumentException(
                    "label '" + choice.label() + "' is used by two different choices");
        }
        if (!choice.hasChildren()) {
            return;
        }
        for (Object value : choice.values()) {
            for (Choice child : choice.children(value)) {
                index(child, byLabel, visited);
            }
        }
        for (Object value : choice.values()) {
            requireDisjoint(choice.children(value), "'" + choice.label() + "' = " + value);
        }
    }

    /**
     * Checks that choices reachable together (the roots, or the children of one value) never reach
     * the same label: an architecture holds one value per label.
     */
    private static void requireDisjoint(List<Choice> together, String where) {
        Set<String> seen = new java.util.HashSet<>();
        for (Choice choice : together) {
            Set<String> labels = new java.util.HashSet<>();
            collectLabels(choice, labels);
            for (String label : labels) {
                if (!seen.add(label)) {
                    throw reachedTwice(label, where);
                }
            }
        }
    }

    private static IllegalArgumentException reachedTwice(String label, String where) {
        return new IllegalArgumentException(
                "choice '"
                        + label
                        + "' can be reached twice in one architecture (through "
                        + where
                        + "); give each place its own choice with its own label");
    }

    private static void collectLabels(Choice choice, Set<String> labels) {
        labels.add(choice.label());
        if (!choice.hasChildren()) {
            return;
        }
        for (Object value : choice.values()) {
            for (Choice child : choice.children(value)) {
                collectLabels(child, labels);
            }
        }
    }

    private SpaceSize sizeOf(List<Choice> choices) {
        SpaceSize size = SpaceSize.ONE;
        for (Choice choice : choices) {
            size = size.times(sizeOf(choice));
        }
        return size;
    }

    private SpaceSize sizeOf(Choice choice) {
        SpaceSize known = sizes.get(choice);
        if (known != null) {
            return known;
        }
        SpaceSize size;
        if (choice.isContinuous()) {
            size = SpaceSize.INFINITE;
        } else if (!choice.hasChildren()) {
            size = SpaceSize.of(choice.values().size());
        } else {
            size = SpaceSize.of(BigInteger.ZERO);
            List<SpaceSize> perValue = new ArrayList<>();
            for (Object value : choice.values()) {
                SpaceSize sub = sizeOf(choice.children(value));
                perValue.add(sub);
                size = size.plus(sub);
            }
            sizesPerValue.put(choice, List.copyOf(perValue));
        }
        sizes.put(choice, size);
        return size;
    }

    private Object sampleValueUniformly(Choice choice, RandomGenerator random) {
        List<SpaceSize> weights = sizesPerValue.get(choice);
        SpaceSize total = sizes.get(choice);
        if (weights == null || !total.isFinite()) {
            return choice.sampleValue(random);
        }
        BigInteger draw = uniformBelow(total.count(), random);
        for (int i = 0; i < weights.size(); i++) {
            draw = draw.subtract(weights.get(i).count());
            if (draw.signum() < 0) {
                return choice.values().get(i);
            }
        }
        throw new IllegalStateException("sizes of choice '" + choice.label() + "' do not add up");
    }

    private void sampleSubtree(Choice choice, RandomGenerator random, Map<String, Object> out) {
        Object value = sampleValueUniformly(choice, random);
        out.put(choice.label(), value);
        for (Choice child : choice.children(value)) {
            sampleSubtree(child, random, out);
        }
    }

    private void walkKeeping(
            List<Choice> choices,
            Architecture original,
            Choice target,
            Object replacement,
            RandomGenerator random,
            Map<String, Object> out) {
        for (Choice choice : choices) {
            Object value;
            if (choice == target) {
                value = replacement;
            } else if (original.has(choice.label())) {
                value = original.get(choice.label());
            } else {
                value = sampleValueUniformly(choice, random);
            }
            out.put(choice.label(), value);
            walkKeeping(choice.children(value), original, target, replacement, random, out);
        }
    }

    private static Object otherValue(Choice choice, Object old, RandomGenerator random) {
        if (choice.isContinuous()) {
            for (int attempt = 0; attempt < 1000; attempt++) {
                Object value = choice.sampleValue(random);
                if (!value.equals(old)) {
                    return value;
                }
            }
            throw new IllegalStateException(
                    "choice '" + choice.label() + "' keeps drawing the same value");
        }
        List<Object> values = choice.values();
        int oldIndex = values.indexOf(old);
        int index = random.nextInt(values.size() - 1);
        return values.get(index >= oldIndex ? index + 1 : index);
    }

    private static BigInteger uniformBelow(BigInteger bound, RandomGenerator random) {
        if (bound.bitLength() < Long.SIZE - 1) {
            return BigInteger.valueOf(random.nextLong(bound.longValue()));
        }
        int bits = bound.bitLength();
        while (true) {
            BigInteger candidate = BigInteger.ZERO;
            for (int filled = 0; filled < bits; filled += 62) {
                long chunk = random.nextLong() >>> 2;
                int take = Math.min(62, bits - filled);
                candidate = candidate.shiftLeft(take).or(BigInteger.valueOf(chunk >>> (62 - take)));
            }
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }

    private static Iterator<Architecture> enumerate(
            List<Choice> pending, TreeMap<String, Object> prefix) {
        if (pending.isEmpty()) {
            return List.of(Architecture.of(prefix)).iterator();
        }
        Choice first = pending.get(0);
        List<Choice> rest = pending.subList(1, pending.size());
        Iterator<Object> values = first.values().iterator();
        return new Iterator<>() {
            private Iterator<Architecture> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && values.hasNext()) {
                    Object value = values.next();
                    List<Choice> next = new ArrayList<>(first.children(value));
                    next.addAll(rest);
                    TreeMap<String, Object> extended = new TreeMap<>(prefix);
                    extended.put(first.label(), value);
                    current = enumerate(next, extended);
                }
                return current.hasNext();
            }

            @Override
            public Architecture next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
