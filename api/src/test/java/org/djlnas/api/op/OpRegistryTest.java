package org.djlnas.api.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpRegistryTest {

    private static final OpContext CONTEXT = new OpContext(16, 1, true);

    private static OperationProvider provider(String... names) {
        return () -> {
            Map<String, OpFactory> ops = new java.util.HashMap<>();
            for (String name : names) {
                ops.put(name, context -> Blocks.identityBlock());
            }
            return ops;
        };
    }

    @Test
    void namesFromAllProvidersAreSorted() {
        OpRegistry registry =
                OpRegistry.of(List.of(provider("zero", "conv_3x3"), provider("avg_pool_3x3")));
        assertThat(registry.names()).containsExactly("avg_pool_3x3", "conv_3x3", "zero");
        assertThat(registry.contains("zero")).isTrue();
        assertThat(registry.contains("sep_conv_3x3")).isFalse();
    }

    @Test
    void duplicateNamesFromTwoProvidersAreRejected() {
        assertThatThrownBy(() -> OpRegistry.of(List.of(provider("skip", "conv"), provider("conv"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "two operation providers contribute the operation 'conv': ");
    }

    @Test
    void createPassesTheContextToTheFactory() {
        AtomicReference<OpContext> seen = new AtomicReference<>();
        Block block = Blocks.identityBlock();
        OperationProvider provider =
                () ->
                        Map.of(
                                "identity",
                                context -> {
                                    seen.set(context);
                                    return block;
                                });
        OpRegistry registry = OpRegistry.of(List.of(provider));
        OpContext context = new OpContext(32, 2, false);
        assertThat(registry.create("identity", context)).isSameAs(block);
        assertThat(seen.get()).isEqualTo(context);
    }

    @Test
    void unknownOperationListsTheKnownOnes() {
        OpRegistry registry = OpRegistry.of(List.of(provider("skip", "conv_3x3")));
        assertThatThrownBy(() -> registry.create("sep_conv_5x5", CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown operation 'sep_conv_5x5'")
                .hasMessageContaining("[conv_3x3, skip]");
    }

    @Test
    void emptyRegistryHasNoNames() {
        assertThat(OpRegistry.of(List.of()).names()).isEmpty();
    }

    @Test
    void namesCannotBeModified() {
        OpRegistry registry = OpRegistry.of(List.of(provider("skip")));
        assertThatThrownBy(() -> registry.names().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contextIsValidated() {
        assertThatThrownBy(() -> new OpContext(0, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels");
        assertThatThrownBy(() -> new OpContext(8, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride");
    }
}
