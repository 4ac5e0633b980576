package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.junit.jupiter.api.Test;

class ChoiceTreeValidationTest {

    private static final ChoiceTree TREE =
            new ChoiceTree(
                    List.of(
                            LayerChoice.builder("op")
                                    .addCandidate(
                                            "conv",
                                            ValueChoice.integerRange("op/conv/kernel", 1, 7))
                                    .addCandidate("pool")
                                    .build(),
                            InputChoice.of("node/inputs", 3, 2),
                            ValueChoice.categorical("act", List.of("relu", "gelu")),
                            ValueChoice.floatRange("lr", 1e-4, 1e-1, true)));

    private static Map<String, Object> valid() {
        Map<String, Object> values = new HashMap<>();
        values.put("op", "conv");
        values.put("op/conv/kernel", 3);
        values.put("node/inputs", List.of(0, 2));
        values.put("act", "relu");
        values.put("lr", 0.01);
        return values;
    }

    private static Map<String, Object> with(String label, Object value) {
        Map<String, Object> values = valid();
        values.put(label, value);
        return values;
    }

    private static Map<String, Object> without(String label) {
        Map<String, Object> values = valid();
        values.remove(label);
        return values;
    }

    private static void assertInvalid(
            Map<String, Object> values, String label, String... messageParts) {
        Throwable thrown = catchThrowable(() -> TREE.validate(Architecture.of(values)));
        assertThat(thrown).isInstanceOf(InvalidArchitectureException.class);
        InvalidArchitectureException e = (InvalidArchitectureException) thrown;
        assertThat(e.label()).contains(label);
        assertThat(e).hasMessageContaining("'" + label + "'").hasMessageContainingAll(messageParts);
    }

    @Test
    void validArchitectureIsReturnedInCanonicalForm() {
        Architecture validated = TREE.validate(Architecture.of(valid()));
        assertThat(validated).isEqualTo(Architecture.of(valid()));
        assertThat(validated.values().get("op/conv/kernel")).isEqualTo(3L);
    }

    @Test
    void inputIndicesGivenUnsortedAreSorted() {
        Architecture validated = TREE.validate(Architecture.of(with("node/inputs", List.of(2, 0))));
        assertThat(validated.getIndices("node/inputs")).containsExactly(0, 2);
        assertThat(validated).isEqualTo(Architecture.of(valid()));
        assertThat(validated.id()).isEqualTo(Architecture.of(valid()).id());
    }

    @Test
    void integerGivenForAFloatRangeBecomesADouble() {
        Architecture validated =
                TREE.validate(Architecture.fromJson(Architecture.of(valid()).toJson()));
        assertThat(validated).isEqualTo(Architecture.of(valid()));
        Architecture intForFloat =
                new ChoiceTree(List.of(ValueChoice.floatRange("p", 0, 2, false)))
                        .validate(Architecture.of(Map.of("p", 1)));
        assertThat(intForFloat.values().get("p")).isEqualTo(1.0);
    }

    @Test
    void missingLabel() {
        assertInvalid(without("act"), "act", "missing", "one of [relu, gelu]");
    }

    @Test
    void missingNestedLabel() {
        assertInvalid(without("op/conv/kernel"), "op/conv/kernel", "missing", "[1, 7]");
    }

    @Test
    void unknownLabel() {
        assertInvalid(with("dropout", 0.1), "dropout", "unknown", "op");
    }

    @Test
    void unreachableLabel() {
        Map<String, Object> values = with("op", "pool");
        assertInvalid(values, "op/conv/kernel", "not reached");
    }

    @Test
    void unknownOperation() {
        assertInvalid(with("op", "sep_conv"), "op", "sep_conv", "one of [conv, pool]");
    }

    @Test
    void integerOutOfRange() {
        assertInvalid(with("op/conv/kernel", 9), "op/conv/kernel", "an integer in [1, 7]");
        assertInvalid(with("op/conv/kernel", 0), "op/conv/kernel", "an integer in [1, 7]");
    }

    @Test
    void floatOutOfRange() {
        assertInvalid(with("lr", 0.5), "lr", "a number in [1.0E-4, 0.1]");
        assertInvalid(with("lr", 1e-5), "lr", "a number in [1.0E-4, 0.1]");
    }

    @Test
    void unknownCategory() {
        assertInvalid(with("act", "tanh"), "act", "one of [relu, gelu]");
    }

    @Test
    void inputIndexOutOfRange() {
        assertInvalid(
                with("node/inputs", List.of(0, 3)),
                "node/inputs",
                "out of range",
                "2 distinct indices in [0, 2]");
        assertInvalid(
                with("node/inputs", List.of(-1, 0)), "node/inputs", "2 distinct indices in [0, 2]");
    }

    @Test
    void duplicateInputIndex() {
        assertInvalid(
                with("node/inputs", List.of(1, 1)),
                "node/inputs",
                "twice",
                "2 distinct indices in [0, 2]");
    }

    @Test
    void wrongNumberOfInputs() {
        assertInvalid(
                with("node/inputs", List.of(1)), "node/inputs", "2 distinct indices in [0, 2]");
        assertInvalid(
                with("node/inputs", List.of(0, 1, 2)),
                "node/inputs",
                "2 distinct indices in [0, 2]");
        assertInvalid(with("node/inputs", List.of()), "node/inputs", "2 distinct indices");
    }

    @Test
    void wrongTypes() {
        assertInvalid(with("op/conv/kernel", "3"), "op/conv/kernel", "an integer in [1, 7]");
        assertInvalid(with("op/conv/kernel", 3.0), "op/conv/kernel", "an integer in [1, 7]");
        assertInvalid(with("op", 3), "op", "one of [conv, pool]");
        assertInvalid(with("node/inputs", "0,2"), "node/inputs", "2 distinct indices in [0, 2]");
        assertInvalid(with("node/inputs", 2), "node/inputs", "2 distinct indices in [0, 2]");
        assertInvalid(with("act", true), "act", "one of [relu, gelu]");
        assertInvalid(with("lr", "fast"), "lr", "a number in");
        assertInvalid(with("lr", List.of(1)), "lr", "a number in");
    }

    @Test
    void repeatDepthOutsideItsDomain() {
        ChoiceTree tree = TestSpaces.repeat();
        Throwable thrown =
                catchThrowable(() -> tree.validate(Architecture.of(Map.of("blocks", 4))));
        assertThat(thrown).isInstanceOf(InvalidArchitectureException.class);
        assertThat(((InvalidArchitectureException) thrown).label()).contains("blocks");
        assertThat(thrown).hasMessageContaining("a depth in [1, 2, 3]");
    }

    @Test
    void repeatLayerBeyondTheChosenDepthIsUnreachable() {
        ChoiceTree tree = TestSpaces.repeat();
        Architecture arch =
                Architecture.of(Map.of("blocks", 1, "blocks/0/op", "conv", "blocks/1/op", "pool"));
        Throwable thrown = catchThrowable(() -> tree.validate(arch));
        assertThat(thrown).isInstanceOf(InvalidArchitectureException.class);
        assertThat(((InvalidArchitectureException) thrown).label()).contains("blocks/1/op");
    }

    @Test
    void inputOperationOfAnUnchosenInputIsUnreachable() {
        ChoiceTree tree = TestSpaces.dartsNode();
        Architecture arch =
                Architecture.of(
                        Map.of(
                                "node/inputs", List.of(0, 1),
                                "node/from0", "skip_connect",
                                "node/from1", "skip_connect",
                                "node/from2", "skip_connect"));
        Throwable thrown = catchThrowable(() -> tree.validate(arch));
        assertThat(thrown).isInstanceOf(InvalidArchitectureException.class);
        assertThat(((InvalidArchitectureException) thrown).label()).contains("node/from2");
        assertThat(thrown).hasMessageContaining("not reached");
    }

    @Test
    void aMissingLabelNamesTheUnknownLabelsGivenInstead() {
        Map<String, Object> misspelt = without("act");
        misspelt.put("activation", "relu");

        assertInvalid(misspelt, "act", "missing", "'activation'", "unknown");
    }
}
