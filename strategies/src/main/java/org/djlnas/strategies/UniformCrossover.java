package org.djlnas.strategies;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.SearchSpace;

/**
 * Uniform crossover over a space's choice tree: a child takes each of its decisions from one of two
 * parents, either with even odds.
 *
 * <p>The child is built from the roots down, so it is valid by construction: a choice the child
 * reaches was opened by a value it took from a parent, so that parent reaches it too. Where both
 * parents reach a choice the child takes one parent's value at random; where only one does, it
 * takes that parent's. A decision is a choice's whole value (the subset of an input choice, the
 * depth of a repeat), never part of one.
 */
public final class UniformCrossover {

    private final SearchSpace space;

    /**
     * Creates the crossover of a space.
     *
     * @param space the space whose architectures are crossed
     */
    public UniformCrossover(SearchSpace space) {
        this.space = space;
    }

    /**
     * Crosses two architectures of the space.
     *
     * @param first a valid architecture
     * @param second another valid architecture
     * @param random the random source; one draw per choice both parents reach
     * @return the child, a valid architecture of the space
     * @throws org.djlnas.api.arch.InvalidArchitectureException if a parent does not fit the space
     */
    public Architecture cross(Architecture first, Architecture second, RandomGenerator random) {
        Architecture a = space.validate(first);
        Architecture b = space.validate(second);
        Map<String, Object> values = new TreeMap<>();
        inherit(space.choices().roots(), a, b, random, values);
        return space.validate(Architecture.of(values));
    }

    private static void inherit(
            List<Choice> choices,
            Architecture a,
            Architecture b,
            RandomGenerator random,
            Map<String, Object> out) {
        for (Choice choice : choices) {
            String label = choice.label();
            Object value;
            if (a.has(label) && b.has(label)) {
                value = random.nextBoolean() ? a.get(label) : b.get(label);
            } else {
                value = a.has(label) ? a.get(label) : b.get(label);
            }
            out.put(label, value);
            inherit(choice.children(value), a, b, random, out);
        }
    }
}
