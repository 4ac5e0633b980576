package org.djlnas.api.space;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/** Counts a compiled block's parameters. */
public final class ParameterCount {

    private ParameterCount() {}

    /**
     * Counts the trainable parameters of an initialized block: every element of every parameter
     * that receives gradients. Batch normalisation's running statistics are not counted, as in
     * PyTorch's {@code sum(p.numel() for p in model.parameters())}.
     *
     * @param block an initialized block
     * @return the number of trainable scalars
     * @throws IllegalStateException if the block is not initialized
     */
    public static long trainable(Block block) {
        if (!block.isInitialized()) {
            throw new IllegalStateException(
                    "the block is not initialized; call initialize(manager, dataType, shape)"
                            + " first");
        }
        long count = 0;
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.requiresGradient()) {
                count += parameter.getArray().size();
            }
        }
        return count;
    }
}
