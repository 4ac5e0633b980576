package org.djlnas.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes memory freed too early show: collects garbage, so that direct buffers no array refers to
 * any more are freed, then allocates small direct buffers holding NaN and small engine arrays
 * holding 1e30, which take that memory over. An operation between a forward and a backward pass
 * that reads freed memory then reads one of those values (docs/numerics.md).
 */
public final class FreedMemory {

    private static final int BUFFERS = 64;
    private static final int ARRAYS = 16;

    private FreedMemory() {}

    /**
     * Collects garbage and overwrites the memory freed.
     *
     * @param manager the manager the engine arrays are attached to; they live until it closes
     */
    public static void collectAndOverwrite(NDManager manager) {
        System.gc();
        List<ByteBuffer> buffers = new ArrayList<>(BUFFERS);
        for (int i = 0; i < BUFFERS; i++) {
            buffers.add(
                    ByteBuffer.allocateDirect(Float.BYTES)
                            .order(ByteOrder.nativeOrder())
                            .putFloat(0, Float.NaN));
        }
        for (int i = 0; i < ARRAYS; i++) {
            manager.full(new Shape(1), 1e30f);
        }
        buffers.clear();
    }
}
