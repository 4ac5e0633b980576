package org.djlnas.runtime.search;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.util.SplittableRandom;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.Task;
import org.djlnas.api.space.SearchSpace;

/**
 * Refuses a search space whose networks do not fit a data set, before the search starts: it builds
 * one architecture of the space and asks its block for its output shape given the data's input
 * shape, so that the space's own input check speaks, then compares the network's outputs with the
 * data's task. Every architecture of a space takes the same input and gives the same outputs, so
 * one stands for all.
 */
final class SpaceFitCheck {

    /** The seed of the architecture that is built; any architecture would do. */
    private static final long SEED = 0;

    private SpaceFitCheck() {}

    /**
     * Checks that a space's networks fit a data set.
     *
     * @param space the space, with the settings the search uses
     * @param data the data set, {@linkplain SearchSetup#read read}
     * @throws IllegalArgumentException naming the space, the data set and what does not fit
     */
    static void check(SearchSpace space, DataSource data) {
        try {
            check(space, data.id(), data.inputShape(), data.task());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Checks that a space's networks take examples of a shape and give the outputs of a task.
     *
     * @param space the space, with the settings the search uses
     * @param dataId the data set's id, for the message
     * @param example the shape of one example, without the batch axis
     * @param task what is learnt from the examples
     * @throws IllegalArgumentException naming the space, the data set and what does not fit
     */
    static void check(SearchSpace space, String dataId, Shape example, Task task) {
        Block block = space.compile(space.sample(new SplittableRandom(SEED)));
        Shape input = new Shape(1).addAll(example);
        Shape output;
        try {
            output = block.getOutputShapes(new Shape[] {input})[0];
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "space '"
                            + space.id()
                            + "' does not fit data set '"
                            + dataId
                            + "', whose examples have shape "
                            + example
                            + ": "
                            + e.getMessage(),
                    e);
        }
        int outputs = task.outputs();
        if (output.dimension() != 2 || output.get(1) != outputs) {
            throw new IllegalArgumentException(
                    "space '"
                            + space.id()
                            + "' gives "
                            + (output.dimension() == 2
                                    ? output.get(1) + " outputs per example"
                                    : "outputs of shape " + output)
                            + ", but data set '"
                            + dataId
                            + (task instanceof Task.Classification
                                    ? "' has " + outputs + " classes"
                                    : "' is a regression, with " + outputs + " output")
                            + "; set the space's classes setting to "
                            + outputs
                            + " or leave it unset");
        }
    }
}
