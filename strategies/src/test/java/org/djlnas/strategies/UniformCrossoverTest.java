package org.djlnas.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.Repeat;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.junit.jupiter.api.Test;

class UniformCrossoverTest {

    /** A repeat of 1 to 3 layers, each a layer choice whose "conv" opens a kernel choice. */
    private static SearchSpace nested() {
        Repeat blocks =
                Repeat.of(
                        "blocks",
                        List.of(1, 2, 3),
                        i ->
                                List.<Choice>of(
                                        LayerChoice.builder("blocks/" + i + "/op")
                                                .addCandidate(
                                                        "conv",
                                                        ValueChoice.categorical(
                                                                "blocks/" + i + "/kernel",
                                                                List.of(3, 5, 7)))
                                                .addCandidate("pool")
                                                .addCandidate("skip")
                                                .build()));
        return Fixtures.space(
                "nested",
                new ChoiceTree(List.of(blocks, ValueChoice.floatRange("rate", 0.01, 1, true))));
    }

    @Test
    void everyChildIsValidAndTakesEachDecisionFromAParentThatHasIt() {
        SearchSpace space = nested();
        UniformCrossover crossover = new UniformCrossover(space);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            Architecture a = space.sample(random);
            Architecture b = space.sample(random);
            Architecture child = crossover.cross(a, b, random);
            assertThat(space.validate(child)).isEqualTo(child);
            child.values()
                    .forEach(
                            (label, value) ->
                                    assertThat(
                                                    (a.has(label) && a.get(label).equals(value))
                                                            || (b.has(label)
                                                                    && b.get(label).equals(value)))
                                            .as(label)
                                            .isTrue());
        }
    }

    @Test
    void eachSharedDecisionComesFromEitherParentWithEvenOdds() {
        SearchSpace space = Fixtures.nasBench201();
        UniformCrossover crossover = new UniformCrossover(space);
        SplittableRandom random = new SplittableRandom(8);
        Architecture a = uniform(space, "nor_conv_3x3");
        Architecture b = uniform(space, "avg_pool_3x3");
        int fromA = 0;
        int decisions = 0;
        for (int i = 0; i < 1000; i++) {
            for (Object value : crossover.cross(a, b, random).values().values()) {
                fromA += value.equals("nor_conv_3x3") ? 1 : 0;
                decisions++;
            }
        }
        assertThat((double) fromA / decisions).isBetween(0.47, 0.53);
    }

    private static Architecture uniform(SearchSpace space, String operation) {
        java.util.Map<String, Object> values = new java.util.TreeMap<>();
        space.choices().choicesByLabel().keySet().forEach(label -> values.put(label, operation));
        return space.validate(Architecture.of(values));
    }

    @Test
    void crossingAnArchitectureWithItselfGivesItBack() {
        SearchSpace space = nested();
        SplittableRandom random = new SplittableRandom(1);
        Architecture a = space.sample(random);
        assertThat(new UniformCrossover(space).cross(a, a, random)).isEqualTo(a);
    }

    /** The DARTS space: a normal and a reduction cell, each node picking two inputs. */
    private static SearchSpace darts() {
        org.djlnas.spaces.darts.DartsProvider provider =
                new org.djlnas.spaces.darts.DartsProvider();
        return provider.create(
                org.djlnas.api.settings.Settings.resolve(
                        "space", provider.settings(), java.util.Map.of()),
                org.djlnas.api.op.OpRegistry.discover());
    }

    private static String cellOf(String label) {
        return label.substring(0, label.indexOf('/'));
    }

    @Test
    void aCellCrossoverTakesEachCellWholeFromOneParentAndBothParentsContribute() {
        SearchSpace space = darts();
        UniformCrossover crossover = new UniformCrossover(space, UniformCrossover.Unit.CELL);
        SplittableRandom random = new SplittableRandom(4);
        int mixed = 0;
        for (int i = 0; i < 400; i++) {
            Architecture a = space.sample(random);
            Architecture b = space.sample(random);
            Architecture child = crossover.cross(a, b, random);
            assertThat(space.validate(child)).isEqualTo(child);
            java.util.Map<String, Architecture> parentOfCell = new java.util.HashMap<>();
            for (String cell : List.of("normal", "reduce")) {
                Architecture parent = onlyParentOf(child, cell, a, b);
                parentOfCell.put(cell, parent);
            }
            mixed += parentOfCell.get("normal") != parentOfCell.get("reduce") ? 1 : 0;
        }
        assertThat(mixed)
                .as("children whose two cells come from different parents")
                .isBetween(160, 240);
    }

    /** The parent whose choices of a cell the child has, all of them; fails if neither. */
    private static Architecture onlyParentOf(
            Architecture child, String cell, Architecture a, Architecture b) {
        for (Architecture parent : List.of(a, b)) {
            boolean same =
                    child.values().entrySet().stream()
                            .filter(e -> cellOf(e.getKey()).equals(cell))
                            .allMatch(
                                    e ->
                                            parent.has(e.getKey())
                                                    && e.getValue().equals(parent.get(e.getKey())));
            long parentChoices =
                    parent.values().keySet().stream().filter(l -> cellOf(l).equals(cell)).count();
            long childChoices =
                    child.values().keySet().stream().filter(l -> cellOf(l).equals(cell)).count();
            if (same && parentChoices == childChoices) {
                return parent;
            }
        }
        throw new AssertionError("cell " + cell + " of " + child + " is not one parent's");
    }

    @Test
    void aChoiceCrossoverMixesTheChoicesOfOneCell() {
        SearchSpace space = darts();
        UniformCrossover crossover = new UniformCrossover(space);
        SplittableRandom random = new SplittableRandom(4);
        Architecture a = space.sample(random);
        Architecture b = space.sample(random);
        Architecture child = crossover.cross(a, b, random);
        long fromA =
                child.values().entrySet().stream()
                        .filter(e -> cellOf(e.getKey()).equals("normal"))
                        .filter(
                                e ->
                                        a.has(e.getKey())
                                                && e.getValue().equals(a.get(e.getKey()))
                                                && !e.getValue()
                                                        .equals(
                                                                b.has(e.getKey())
                                                                        ? b.get(e.getKey())
                                                                        : null))
                        .count();
        long fromB =
                child.values().entrySet().stream()
                        .filter(e -> cellOf(e.getKey()).equals("normal"))
                        .filter(
                                e ->
                                        b.has(e.getKey())
                                                && e.getValue().equals(b.get(e.getKey()))
                                                && !e.getValue()
                                                        .equals(
                                                                a.has(e.getKey())
                                                                        ? a.get(e.getKey())
                                                                        : null))
                        .count();
        assertThat(fromA).isPositive();
        assertThat(fromB).isPositive();
    }

    @Test
    void theSameSeedCrossesTheSameWay() {
        SearchSpace space = darts();
        for (UniformCrossover.Unit unit : UniformCrossover.Unit.values()) {
            UniformCrossover crossover = new UniformCrossover(space, unit);
            Architecture a = space.sample(new SplittableRandom(1));
            Architecture b = space.sample(new SplittableRandom(2));
            assertThat(crossover.cross(a, b, new SplittableRandom(9)))
                    .isEqualTo(crossover.cross(a, b, new SplittableRandom(9)));
        }
    }
}
