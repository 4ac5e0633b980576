package org.djlnas.api.supernet;

/**
 * A block that applies a ReLU and can take it from its edge's {@link SharedRelu}: a {@link MixedOp}
 * finds such blocks among its candidates' blocks (at any depth) and hands each its edge's.
 */
public interface ReluSharing {

    /**
     * Uses the given shared ReLU for the ReLUs this block applies.
     *
     * @param shared the edge's shared ReLU
     */
    void shareRelu(SharedRelu shared);
}
