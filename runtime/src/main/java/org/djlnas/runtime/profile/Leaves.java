package org.djlnas.runtime.profile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaf blocks (blocks without children) of an initialized block tree, in the tree's order, each
 * with the input shapes it was initialized with.
 */
final class Leaves {

    private Leaves() {}

    /**
     * A leaf block.
     *
     * @param path the names of the blocks from the root to this one, joined by {@code /}
     * @param block the block
     * @param inputs the shapes it was initialized with, batch axis included
     */
    record Leaf(String path, Block block, Shape[] inputs) {

        /** Returns the shapes the block outputs for its inputs. */
        Shape[] outputs() {
            return block.getOutputShapes(inputs);
        }
    }

    /**
     * Lists the leaves of a tree.
     *
     * @param root an initialized block
     * @return its leaves, the root itself if it has no children
     * @throws IllegalArgumentException if a block with children holds parameters of its own, whose
     *     use is unknown
     * @throws IllegalStateException if a leaf was not initialized
     */
    static List<Leaf> of(Block root) {
        List<Leaf> leaves = new ArrayList<>();
        collect(root, "", leaves);
        return leaves;
    }

    /**
     * Returns the batch size the tree was initialized with.
     *
     * @param root an initialized block
     * @return the first axis of its first input shape
     */
    static long batchSize(Block root) {
        return root.getInputShapes()[0].get(0);
    }

    private static void collect(Block block, String path, List<Leaf> leaves) {
        if (block.getChildren().isEmpty()) {
            leaves.add(new Leaf(path.isEmpty() ? "(root)" : path, block, block.getInputShapes()));
            return;
        }
        if (!block.getDirectParameters().isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot profile "
                            + block.getClass().getSimpleName()
                            + " at '"
                            + path
                            + "': it has child blocks and parameters of its own");
        }
        block.getChildren()
                .forEach(
                        pair ->
                                collect(
                                        pair.getValue(),
                                        path.isEmpty() ? pair.getKey() : path + "/" + pair.getKey(),
                                        leaves));
    }
}
