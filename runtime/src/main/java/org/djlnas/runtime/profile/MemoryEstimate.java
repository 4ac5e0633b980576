package org.djlnas.runtime.profile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * An estimate, not a measurement, of the memory a network's forward pass takes: its parameters
 * (every parameter array, batch normalisation's running statistics included, at its data type's
 * size) plus, per example, its input and every leaf operation's output in 32-bit floats, as if no
 * array were freed or reused during the pass. That is an upper bound of what the arrays of one
 * inference pass take, and about what a training forward pass keeps for its backward pass. It
 * leaves out what an engine adds on its own (workspaces, allocator caches, the runtime itself), so
 * it ranks networks rather than predicting a process's size. Engines do not report the memory of
 * one pass on the CPU: a process's peak resident size ({@code VmHWM}) never goes down and counts
 * everything else the process did, so it cannot tell two candidates apart.
 *
 * @param parameterBytes the bytes of the network's parameters
 * @param activationBytesPerExample the bytes of the input and of every leaf output, per example
 */
public record MemoryEstimate(long parameterBytes, long activationBytesPerExample) {

    private static final double MIB = 1024.0 * 1024.0;
    private static final long FLOAT_BYTES = 4;

    /**
     * Estimates the memory of an initialized network.
     *
     * @param network an initialized block (its batch size does not matter)
     * @return the estimate
     */
    public static MemoryEstimate of(Block network) {
        long parameterBytes = 0;
        for (Parameter parameter : network.getParameters().values()) {
            if (parameter.isInitialized()) {
                parameterBytes +=
                        parameter.getArray().size()
                                * parameter.getArray().getDataType().getNumOfBytes();
            }
        }
        long batch = Leaves.batchSize(network);
        long elements = 0;
        for (Shape input : network.getInputShapes()) {
            elements += input.size();
        }
        for (Leaves.Leaf leaf : Leaves.of(network)) {
            for (Shape output : leaf.outputs()) {
                elements += output.size();
            }
        }
        return new MemoryEstimate(parameterBytes, elements / batch * FLOAT_BYTES);
    }

    /**
     * Returns the estimate for a batch, in mebibytes.
     *
     * @param batchSize examples per batch
     * @return parameters plus activations of {@code batchSize} examples, in MiB
     */
    public double mebibytes(int batchSize) {
        return (parameterBytes + batchSize * activationBytesPerExample) / MIB;
    }
}
