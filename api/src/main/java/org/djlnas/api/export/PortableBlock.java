package org.djlnas.api.export;

import ai.djl.nn.Block;
import java.util.List;

/**
 * A block of our own that can describe its computation at inference to another runtime, through the
 * operations of a {@link GraphBuilder}. DJL's standard layers need no such description: {@link
 * GraphLowering} knows them.
 */
public interface PortableBlock extends Block {

    /**
     * Adds this block's inference computation to a graph.
     *
     * @param lowering the lowering in progress: its {@link GraphLowering#graph() graph} takes
     *     operations and {@link GraphLowering#lower(Block, List)} lowers child blocks
     * @param inputs the graph tensors this block takes, one per input of its forward pass
     * @param <T> the runtime's tensor handle
     * @return the graph tensors it outputs
     */
    <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs);
}
