package org.djlnas.runtime.profile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.AbstractEmbedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.RecurrentBlock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.djlnas.spaces.ops.ReferenceLogit;

/**
 * The multiply-adds (MACs) of one forward pass of one example through an initialized network,
 * counted per operation from the shapes each block was initialized with, so for any input size.
 *
 * <p>What counts, per example:
 *
 * <ul>
 *   <li>a convolution (any dimension, grouped, depthwise, strided or dilated): output elements ×
 *       input channels per group × kernel elements (a bias adds no multiply-add: it starts the
 *       sum);
 *   <li>a linear layer: input elements × units;
 *   <li>a recurrent layer (GRU, LSTM, RNN): weight elements (input and hidden, every gate, layer
 *       and direction) × time steps;
 *   <li>average pooling: output elements × window elements; global average pooling: input elements;
 *   <li>the bag-of-words classifier: tokens × (classes − 1).
 * </ul>
 *
 * <p>What counts 0: batch normalisation (at inference it is a per-channel scale and shift that
 * folds into the convolution or linear layer before it), activations, max pooling, dropout,
 * identity, zero, flatten, embedding look-ups, the linear and bag-of-words spaces' fixed reference
 * logit (a column of zeros), DJL's {@code LambdaBlock}s (the textnas space's transpositions,
 * activations and 1-D pooling: their function cannot be inspected), the additions and
 * concatenations by which cells and residual blocks combine their children, and the global pooling
 * and channel scaling inside a squeeze-and-excitation block (2 per element of its input; its two
 * linear layers count). This is the convention of NAS-Bench-201's FLOPs (convolutions and linear
 * layers), plus pooling.
 *
 * <p>A leaf block of any other type is refused ({@link IllegalArgumentException} naming it), so a
 * plug-in operation is never counted as free by mistake.
 */
public final class MultiplyAdds {

    private static final Set<String> FREE_SPACE_BLOCKS =
            Set.of("org.djlnas.spaces.textnas.TokenEmbedding");
    private static final String BAG_OF_WORDS = "org.djlnas.spaces.baseline.BagOfWords";

    private final Map<String, Long> byOperation;
    private final long total;

    private MultiplyAdds(Map<String, Long> byOperation) {
        this.byOperation = Collections.unmodifiableMap(byOperation);
        this.total = byOperation.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Counts the multiply-adds of a network.
     *
     * @param network an initialized block (its batch size does not matter)
     * @return the count per example
     * @throws IllegalArgumentException if the network holds a block whose multiply-adds are unknown
     */
    public static MultiplyAdds of(Block network) {
        long batch = Leaves.batchSize(network);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Leaves.Leaf leaf : Leaves.of(network)) {
            long macs = ofLeaf(leaf);
            if (macs % batch != 0) {
                throw new IllegalStateException(
                        "the multiply-adds of '" + leaf.path() + "' do not scale with the batch");
            }
            counts.put(leaf.path(), macs / batch);
        }
        return new MultiplyAdds(counts);
    }

    /**
     * Returns the multiply-adds of one example through the whole network.
     *
     * @return the total
     */
    public long total() {
        return total;
    }

    /**
     * Returns the multiply-adds of one example through each leaf block, by its path in the tree.
     *
     * @return the counts, in the tree's order
     */
    public Map<String, Long> byOperation() {
        return byOperation;
    }

    private static long ofLeaf(Leaves.Leaf leaf) {
        Block block = leaf.block();
        Shape input = leaf.inputs()[0];
        if (block instanceof Convolution conv) {
            Shape output = leaf.outputs()[0];
            return output.size() * (input.get(1) / conv.getGroups()) * conv.getKernelShape().size();
        }
        if (block instanceof Linear) {
            Shape output = leaf.outputs()[0];
            return input.size() * output.get(output.dimension() - 1);
        }
        if (block instanceof RecurrentBlock) {
            long weights = 0;
            for (Parameter parameter : block.getParameters().values()) {
                if (parameter.getType() == Parameter.Type.WEIGHT) {
                    weights += parameter.getArray().getShape().size();
                }
            }
            // Batch × time steps, whichever axis comes first.
            return weights * input.get(0) * input.get(1);
        }
        if (block instanceof BatchNorm
                || block instanceof Dropout
                || block instanceof AbstractEmbedding
                || block instanceof LambdaBlock
                || block instanceof ReferenceLogit
                || FREE_SPACE_BLOCKS.contains(block.getClass().getName())) {
            return 0;
        }
        if (block.getClass().getName().equals(BAG_OF_WORDS)) {
            return input.size() * (leaf.outputs()[0].get(1) - 1);
        }
        if (block instanceof PortableBlock portable) {
            ShapeGraph graph = new ShapeGraph();
            portable.lower(new GraphLowering<>(graph), Arrays.asList(leaf.inputs()));
            return graph.multiplyAdds();
        }
        throw new IllegalArgumentException(
                "cannot count the multiply-adds of "
                        + block.getClass().getName()
                        + " at '"
                        + leaf.path()
                        + "': it is not an operation the profiler knows; known: convolutions,"
                        + " linear, recurrent, batch normalisation, dropout, embeddings, DJL"
                        + " lambda blocks and the portable operations of djl-nas");
    }

    @Override
    public String toString() {
        return total + " multiply-adds per example";
    }
}
