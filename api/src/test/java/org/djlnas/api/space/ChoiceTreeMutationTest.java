package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.djlnas.api.space.TestSpaces.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.junit.jupiter.api.Test;

class ChoiceTreeMutationTest {

    @Test
    void withoutNestingExactlyOneChoiceChanges() {
        ChoiceTree tree = TestSpaces.flat();
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Integer> changed = new HashMap<>();
        int mutations = 3_000;
        for (int i = 0; i < mutations; i++) {
            Architecture before = tree.sample(random);
            Architecture after = tree.mutate(before, random);
            Set<String> diff = diff(before, after);
            assertThat(diff).hasSize(1).doesNotContain("fixed");
            assertThat(after.values().keySet()).isEqualTo(before.values().keySet());
            assertThat(tree.validate(after)).isEqualTo(after);
            changed.merge(diff.iterator().next(), 1, Integer::sum);
        }
        // every mutable choice is equally likely to change
        assertThat(changed).containsOnlyKeys("l0", "l1", "l2");
        changed.values()
                .forEach(count -> assertThat(count / (double) mutations).isBetween(0.29, 0.38));
    }

    @Test
    void newlyReachableChildrenGetValues() {
        ChoiceTree tree = TestSpaces.nested();
        Architecture b = Architecture.of(Map.of("op", "b"));
        SplittableRandom random = new SplittableRandom(3);
        Set<Object> widths = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Architecture mutated = tree.mutate(b, random);
            assertThat(mutated.getString("op")).isEqualTo("a");
            assertThat(mutated.values()).containsOnlyKeys("op", "op/a/width");
            assertThat(tree.validate(mutated)).isEqualTo(mutated);
            widths.add(mutated.get("op/a/width"));
        }
        assertThat(widths).containsExactlyInAnyOrder(16L, 32L, 64L);
    }

    @Test
    void unreachableChildrenAreRemoved() {
        ChoiceTree tree = TestSpaces.nested();
        Architecture a32 = Architecture.of(Map.of("op", "a", "op/a/width", 32));
        SplittableRandom random = new SplittableRandom(5);
        Set<Architecture> results = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Architecture mutated = tree.mutate(a32, random);
            assertThat(tree.validate(mutated)).isEqualTo(mutated);
            results.add(mutated);
        }
        assertThat(results)
                .containsExactlyInAnyOrder(
                        Architecture.of(Map.of("op", "b")),
                        Architecture.of(Map.of("op", "a", "op/a/width", 16)),
                        Architecture.of(Map.of("op", "a", "op/a/width", 64)));
    }

    @Test
    void changingDepthKeepsSurvivingLayersAndDrawsNewOnes() {
        ChoiceTree tree = TestSpaces.repeat();
        Architecture deep =
                Architecture.of(
                        Map.of(
                                "blocks", 3,
                                "blocks/0/op", "pool",
                                "blocks/1/op", "conv",
                                "blocks/2/op", "pool"));
        Architecture shallow = Architecture.of(Map.of("blocks", 1, "blocks/0/op", "pool"));
        SplittableRandom random = new SplittableRandom(13);
        int depthChanges = 0;
        for (int i = 0; i < 300; i++) {
            Architecture fromDeep = tree.mutate(deep, random);
            assertThat(tree.validate(fromDeep)).isEqualTo(fromDeep);
            long depth = fromDeep.getLong("blocks");
            if (depth != 3) {
                depthChanges++;
                assertThat(fromDeep.values()).hasSize(1 + (int) depth);
                for (int layer = 0; layer < depth; layer++) {
                    String label = "blocks/" + layer + "/op";
                    assertThat(fromDeep.get(label)).isEqualTo(deep.get(label));
                }
            } else {
                assertThat(diff(deep, fromDeep)).hasSize(1);
            }

            Architecture fromShallow = tree.mutate(shallow, random);
            assertThat(tree.validate(fromShallow)).isEqualTo(fromShallow);
            if (fromShallow.getLong("blocks") != 1) {
                assertThat(fromShallow.get("blocks/0/op")).isEqualTo("pool");
                assertThat(fromShallow.values()).hasSize(1 + (int) fromShallow.getLong("blocks"));
            }
        }
        assertThat(depthChanges).isPositive();
    }

    @Test
    void changingInputsKeepsTheOperationOfAStillChosenInput() {
        ChoiceTree tree = TestSpaces.dartsNode();
        Architecture original =
                Architecture.of(
                        Map.of(
                                "node/inputs", List.of(0, 1),
                                "node/from0", "sep_conv_3x3",
                                "node/from1", "skip_connect"));
        SplittableRandom random = new SplittableRandom(17);
        int inputChanges = 0;
        for (int i = 0; i < 300; i++) {
            Architecture mutated = tree.mutate(original, random);
            assertThat(tree.validate(mutated)).isEqualTo(mutated);
            List<Integer> inputs = mutated.getIndices("node/inputs");
            if (inputs.equals(List.of(0, 1))) {
                assertThat(diff(original, mutated)).hasSize(1);
                continue;
            }
            inputChanges++;
            assertThat(mutated.values()).hasSize(3);
            for (int input : inputs) {
                String label = "node/from" + input;
                assertThat(mutated.has(label)).isTrue();
                if (original.has(label)) {
                    assertThat(mutated.get(label)).isEqualTo(original.get(label));
                }
            }
        }
        assertThat(inputChanges).isPositive();
    }

    @Test
    void neverReturnsTheSameArchitecture() {
        List<ChoiceTree> trees =
                List.of(
                        TestSpaces.nested(),
                        TestSpaces.flat(),
                        TestSpaces.dartsNode(),
                        TestSpaces.repeat(),
                        new ChoiceTree(TestSpaces.nb201Cell().choices()),
                        new ChoiceTree(TestSpaces.dartsCell().choices()));
        SplittableRandom random = new SplittableRandom(21);
        for (ChoiceTree tree : trees) {
            Architecture current = tree.sample(random);
            for (int i = 0; i < 300; i++) {
                Architecture next = tree.mutate(current, random);
                assertThat(next).isNotEqualTo(current);
                assertThat(tree.validate(next)).isEqualTo(next);
                current = next;
            }
        }
    }

    @Test
    void mutatesContinuousChoicesWithinTheirDomain() {
        ChoiceTree tree = new ChoiceTree(List.of(ValueChoice.floatRange("lr", 0.001, 0.1, false)));
        Architecture arch = Architecture.of(Map.of("lr", 0.01));
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            Architecture mutated = tree.mutate(arch, random);
            assertThat(mutated.getDouble("lr")).isBetween(0.001, 0.1).isNotEqualTo(0.01);
        }
    }

    @Test
    void isDeterministicForASeed() {
        ChoiceTree tree = new ChoiceTree(TestSpaces.dartsCell().choices());
        Architecture start = tree.sample(new SplittableRandom(1));
        assertThat(chain(tree, start, 42)).isEqualTo(chain(tree, start, 42));
        assertThat(chain(tree, start, 42)).isNotEqualTo(chain(tree, start, 43));
    }

    private static List<Architecture> chain(ChoiceTree tree, Architecture start, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Architecture> out = new ArrayList<>();
        Architecture current = start;
        for (int i = 0; i < 30; i++) {
            current = tree.mutate(current, random);
            out.add(current);
        }
        return out;
    }

    @Test
    void acceptsNonCanonicalInputAndReturnsCanonicalOutput() {
        ChoiceTree tree = TestSpaces.dartsNode();
        Architecture unsorted =
                Architecture.of(
                        Map.of(
                                "node/inputs", List.of(2, 0),
                                "node/from0", "sep_conv_3x3",
                                "node/from2", "skip_connect"));
        Architecture mutated = tree.mutate(unsorted, new SplittableRandom(0));
        assertThat(mutated.getIndices("node/inputs")).isSorted();
        assertThat(tree.validate(mutated)).isEqualTo(mutated);
    }

    @Test
    void singleArchitectureSpaceCannotBeMutated() {
        ChoiceTree tree =
                new ChoiceTree(
                        List.of(
                                LayerChoice.of("only", List.of("x")),
                                InputChoice.of("all", 2, 2),
                                ValueChoice.integerRange("n", 4, 4)));
        Architecture arch = Architecture.of(Map.of("only", "x", "all", List.of(0, 1), "n", 4));
        assertThat(tree.size()).isEqualTo(SpaceSize.ONE);
        assertThatThrownBy(() -> tree.mutate(arch, new SplittableRandom(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("single architecture");
    }

    @Test
    void invalidArchitectureIsRejectedBeforeMutating() {
        ChoiceTree tree = TestSpaces.nested();
        assertThatThrownBy(
                        () ->
                                tree.mutate(
                                        Architecture.of(Map.of("op", "c")),
                                        new SplittableRandom(0)))
                .isInstanceOf(InvalidArchitectureException.class);
    }
}
