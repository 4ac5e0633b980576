package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.junit.jupiter.api.Test;

class ChoiceTreeEnumerationTest {

    private static Set<Architecture> enumerateAll(ChoiceTree tree) {
        Set<Architecture> seen = new HashSet<>();
        int count = 0;
        for (Iterator<Architecture> it = tree.enumerate(); it.hasNext(); ) {
            Architecture arch = it.next();
            assertThat(tree.validate(arch)).isEqualTo(arch);
            seen.add(arch);
            count++;
        }
        assertThat(seen).as("distinct architectures").hasSize(count);
        return seen;
    }

    @Test
    void enumeratesEachArchitectureOfNestedSpacesOnce() {
        List<ChoiceTree> trees =
                List.of(
                        TestSpaces.nested(),
                        TestSpaces.flat(),
                        TestSpaces.dartsNode(),
                        TestSpaces.repeat(),
                        new ChoiceTree(List.of()));
        for (ChoiceTree tree : trees) {
            assertThat(enumerateAll(tree)).hasSize(tree.size().count().intValueExact());
        }
    }

    @Test
    void enumeratesTheNestedSpaceExactly() {
        assertThat(enumerateAll(TestSpaces.nested()))
                .containsExactlyInAnyOrder(
                        Architecture.of(java.util.Map.of("op", "a", "op/a/width", 16)),
                        Architecture.of(java.util.Map.of("op", "a", "op/a/width", 32)),
                        Architecture.of(java.util.Map.of("op", "a", "op/a/width", 64)),
                        Architecture.of(java.util.Map.of("op", "b")));
    }

    @Test
    void enumerationCoversEverySampledArchitecture() {
        ChoiceTree tree = TestSpaces.dartsNode();
        Set<Architecture> all = enumerateAll(tree);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 300; i++) {
            assertThat(all).contains(tree.sample(random));
        }
    }

    @Test
    void enumeratesTheNasBench201Cell() {
        ChoiceTree tree = new ChoiceTree(TestSpaces.nb201Cell().choices());
        assertThat(enumerateAll(tree)).hasSize(15_625);
    }

    @Test
    void enumerationIsInAFixedOrder() {
        ChoiceTree tree = TestSpaces.repeat();
        List<Architecture> first = new java.util.ArrayList<>();
        List<Architecture> second = new java.util.ArrayList<>();
        tree.enumerate().forEachRemaining(first::add);
        tree.enumerate().forEachRemaining(second::add);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void enumerationIsLazy() {
        ChoiceTree tree = new ChoiceTree(TestSpaces.dartsCell().choices());
        assertThat(tree.size().count().longValueExact()).isGreaterThan(1_000_000_000L);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> {
                    Iterator<Architecture> it = tree.enumerate();
                    Set<Architecture> firstThousand = new HashSet<>();
                    for (int i = 0; i < 1_000; i++) {
                        Architecture arch = it.next();
                        assertThat(tree.validate(arch)).isEqualTo(arch);
                        firstThousand.add(arch);
                    }
                    assertThat(firstThousand).hasSize(1_000);
                    assertThat(it.hasNext()).isTrue();
                });
    }

    @Test
    void exhaustedIteratorThrowsNoSuchElement() {
        Iterator<Architecture> it = TestSpaces.nested().enumerate();
        for (int i = 0; i < 4; i++) {
            it.next();
        }
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void infiniteSpaceCannotBeEnumerated() {
        ChoiceTree tree =
                new ChoiceTree(
                        List.of(
                                LayerChoice.of("op", List.of("a", "b")),
                                ValueChoice.floatRange("lr", 0.001, 0.1, false)));
        assertThatThrownBy(tree::enumerate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infinite");
    }
}
