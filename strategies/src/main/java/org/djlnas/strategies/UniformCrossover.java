package org.djlnas.strategies;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.SearchSpace;

/**
 * Uniform crossover over a space's choice tree: a child takes each of its decisions, or each of its
 * cells, from one of two parents, either with even odds.
 *
 * <p>The child is built from the roots down, so it is valid by construction: a choice the child
 * reaches was opened by a value it took from a parent, so that parent reaches it too. Where both
 * parents reach a choice the child takes one parent's value at random; where only one does, it
 * takes that parent's. A decision is a choice's whole value (the subset of an input choice, the
 * depth of a repeat), never part of one.
 *
 * <p>Per {@link Unit#CELL cell}, the choices are grouped by the first part of their label (a cell's
 * choices are labelled {@code <cell>/node<j>/...}: the DARTS space's {@code normal} and {@code
 * reduce} cells, a MobileNet stage): one draw per group decides which parent every choice of the
 * group that both parents reach comes from, so a cell is inherited whole where both parents reach
 * all of it.
 */
public final class UniformCrossover {

    /** What a child inherits as a whole from one parent. */
    public enum Unit {
        /** Each choice: the value of its label. */
        CHOICE,
        /** Each cell: every choice whose label starts with the same first part. */
        CELL
    }

    private final SearchSpace space;
    private final Unit unit;

    /**
     * Creates the crossover of a space, choice by choice.
     *
     * @param space the space whose architectures are crossed
     */
    public UniformCrossover(SearchSpace space) {
        this(space, Unit.CHOICE);
    }

    /**
     * Creates the crossover of a space.
     *
     * @param space the space whose architectures are crossed
     * @param unit what a child inherits as a whole from one parent
     */
    public UniformCrossover(SearchSpace space, Unit unit) {
        this.space = space;
        this.unit = unit;
    }

    /**
     * Crosses two architectures of the space.
     *
     * @param first a valid architecture
     * @param second another valid architecture
     * @param random the random source; one draw per choice (or per cell) both parents reach
     * @return the child, a valid architecture of the space
     * @throws org.djlnas.api.arch.InvalidArchitectureException if a parent does not fit the space
     */
    public Architecture cross(Architecture first, Architecture second, RandomGenerator random) {
        Architecture a = space.validate(first);
        Architecture b = space.validate(second);
        Map<String, Object> values = new TreeMap<>();
        new Inheritance(a, b, random).inherit(space.choices().roots(), values);
        return space.validate(Architecture.of(values));
    }

    /** One crossing: the parents, the random source, and the draw of each cell so far. */
    private final class Inheritance {

        private final Architecture a;
        private final Architecture b;
        private final RandomGenerator random;
        private final Map<String, Boolean> fromFirstByCell = new HashMap<>();

        Inheritance(Architecture a, Architecture b, RandomGenerator random) {
            this.a = a;
            this.b = b;
            this.random = random;
        }

        void inherit(List<Choice> choices, Map<String, Object> out) {
            for (Choice choice : choices) {
                String label = choice.label();
                Object value;
                if (a.has(label) && b.has(label)) {
                    value = fromFirst(label) ? a.get(label) : b.get(label);
                } else {
                    value = a.has(label) ? a.get(label) : b.get(label);
                }
                out.put(label, value);
                inherit(choice.children(value), out);
            }
        }

        private boolean fromFirst(String label) {
            if (unit == Unit.CHOICE) {
                return random.nextBoolean();
            }
            int slash = label.indexOf('/');
            String cell = slash < 0 ? label : label.substring(0, slash);
            return fromFirstByCell.computeIfAbsent(cell, c -> random.nextBoolean());
        }
    }
}
