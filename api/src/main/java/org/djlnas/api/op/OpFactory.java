package org.djlnas.api.op;

import ai.djl.nn.Block;

/** Builds one operation's block. */
@FunctionalInterface
public interface OpFactory {

    /**
     * Builds a new block for the operation.
     *
     * @param context channels, stride and normalisation of the block
     * @return a new, uninitialized block
     */
    Block create(OpContext context);
}
