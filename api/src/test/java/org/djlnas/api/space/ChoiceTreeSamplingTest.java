package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.junit.jupiter.api.Test;

class ChoiceTreeSamplingTest {

    private static Map<Architecture, Integer> histogram(ChoiceTree tree, long seed, int draws) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Architecture, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            counts.merge(tree.sample(random), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void samplingIsUniformOverArchitecturesNotOverCandidates() {
        int draws = 40_000;
        Map<Architecture, Integer> counts = histogram(TestSpaces.nested(), 20240601L, draws);

        assertThat(counts)
                .containsOnlyKeys(
                        Architecture.of(Map.of("op", "a", "op/a/width", 16)),
                        Architecture.of(Map.of("op", "a", "op/a/width", 32)),
                        Architecture.of(Map.of("op", "a", "op/a/width", 64)),
                        Architecture.of(Map.of("op", "b")));
        // each expected at 25%; the standard deviation of a share is about 0.2%
        counts.values().forEach(count -> assertThat(count / (double) draws).isBetween(0.23, 0.27));
    }

    @Test
    void inputChoiceSamplingIsUniformOverSubsetsAndOperations() {
        // 2 of 3 inputs, a 2-way op on each chosen input: 3 * 4 = 12 architectures
        ChoiceTree tree =
                new ChoiceTree(
                        List.of(
                                InputChoice.of(
                                        "n/inputs",
                                        3,
                                        2,
                                        i ->
                                                List.of(
                                                        LayerChoice.of(
                                                                "n/from" + i,
                                                                List.of("x", "y"))))));
        int draws = 24_000;
        Map<Architecture, Integer> counts = histogram(tree, 3L, draws);
        assertThat(counts).hasSize(12);
        counts.values().forEach(count -> assertThat(count / (double) draws).isBetween(0.07, 0.097));
    }

    @Test
    void repeatSamplingWeighsDepthsByTheirNumberOfArchitectures() {
        // depth 1: 2, depth 2: 4, depth 3: 8 architectures out of 14
        int draws = 28_000;
        Map<Architecture, Integer> counts = histogram(TestSpaces.repeat(), 11L, draws);
        assertThat(counts).hasSize(14);
        Map<Long, Integer> byDepth = new HashMap<>();
        counts.forEach((arch, count) -> byDepth.merge(arch.getLong("blocks"), count, Integer::sum));
        assertThat(byDepth.get(1L) / (double) draws).isBetween(2 / 14.0 - 0.015, 2 / 14.0 + 0.015);
        assertThat(byDepth.get(2L) / (double) draws).isBetween(4 / 14.0 - 0.015, 4 / 14.0 + 0.015);
        assertThat(byDepth.get(3L) / (double) draws).isBetween(8 / 14.0 - 0.015, 8 / 14.0 + 0.015);
    }

    @Test
    void samplingIsUniformInSpacesLargerThanALong() {
        // candidates x and y open 2^64 architectures each, z opens 2^65: shares 1/4, 1/4, 1/2
        LayerChoice.Builder root = LayerChoice.builder("r");
        root.addCandidate("x", binaryChoices("r/x", 64));
        root.addCandidate("y", binaryChoices("r/y", 64));
        root.addCandidate("z", binaryChoices("r/z", 65));
        ChoiceTree tree = new ChoiceTree(List.of(root.build()));
        assertThat(tree.size().count().bitLength()).isEqualTo(67);

        SplittableRandom random = new SplittableRandom(5);
        int draws = 4_000;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            Architecture arch = tree.sample(random);
            counts.merge(arch.getString("r"), 1, Integer::sum);
            assertThat(tree.validate(arch)).isEqualTo(arch);
        }
        assertThat(counts.get("x") / (double) draws).isBetween(0.21, 0.29);
        assertThat(counts.get("y") / (double) draws).isBetween(0.21, 0.29);
        assertThat(counts.get("z") / (double) draws).isBetween(0.45, 0.55);
    }

    private static List<Choice> binaryChoices(String prefix, int count) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            choices.add(LayerChoice.of(prefix + "/" + i, List.of("0", "1")));
        }
        return choices;
    }

    @Test
    void sameSeedGivesTheSameSequence() {
        ChoiceTree tree = new ChoiceTree(TestSpaces.dartsCell().choices());
        SplittableRandom first = new SplittableRandom(99);
        SplittableRandom second = new SplittableRandom(99);
        List<Architecture> a = new ArrayList<>();
        List<Architecture> b = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            a.add(tree.sample(first));
            b.add(tree.sample(second));
        }
        assertThat(a).isEqualTo(b);
        assertThat(a).doesNotHaveDuplicates();

        List<Architecture> other = new ArrayList<>();
        SplittableRandom third = new SplittableRandom(100);
        for (int i = 0; i < 50; i++) {
            other.add(tree.sample(third));
        }
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void sampledArchitecturesAlwaysValidate() {
        List<ChoiceTree> trees =
                List.of(
                        TestSpaces.nested(),
                        TestSpaces.flat(),
                        TestSpaces.dartsNode(),
                        TestSpaces.repeat(),
                        new ChoiceTree(TestSpaces.dartsCell().choices()),
                        new ChoiceTree(TestSpaces.nb201Cell().choices()),
                        new ChoiceTree(
                                List.of(
                                        ValueChoice.floatRange("lr", 1e-4, 1e-1, true),
                                        ValueChoice.floatRange("drop", 0, 0.5, false),
                                        ValueChoice.integerRange("width", 8, 64),
                                        ValueChoice.categorical("act", List.of("relu", 1, 2.5)))));
        SplittableRandom random = new SplittableRandom(1);
        for (ChoiceTree tree : trees) {
            for (int i = 0; i < 500; i++) {
                Architecture arch = tree.sample(random);
                assertThat(tree.validate(arch)).isEqualTo(arch);
                assertThat(Architecture.fromJson(arch.toJson())).isEqualTo(arch);
            }
        }
    }

    @Test
    void sampledArchitecturesHoldExactlyTheReachableLabels() {
        ChoiceTree tree = TestSpaces.dartsNode();
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 200; i++) {
            Architecture arch = tree.sample(random);
            List<Integer> inputs = arch.getIndices("node/inputs");
            assertThat(inputs).hasSize(2).isSorted();
            List<String> expected = new ArrayList<>();
            expected.add("node/inputs");
            inputs.forEach(input -> expected.add("node/from" + input));
            assertThat(arch.values().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
