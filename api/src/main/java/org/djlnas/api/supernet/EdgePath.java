package org.djlnas.api.supernet;

import ai.djl.ndarray.NDArray;
import org.jspecify.annotations.Nullable;

/**
 * The one candidate operation a supernet edge computes while a single path is chosen, as
 * single-path methods need: SPOS and ENAS train and score one sampled architecture at a time, and
 * GDAS computes only the operation of its hard Gumbel-softmax sample.
 *
 * <p>The edge's output is the candidate's output, multiplied by {@code scale} when one is given.
 * GDAS passes the sample's straight-through weight there (one in value, the soft sample's gradient
 * in the backward pass), so α learns through the single computed operation.
 *
 * @param candidate the index of the candidate, in the order of {@link SearchCell#candidates()};
 *     never the zero candidate, which has nothing to compute
 * @param scale a scalar array the output is multiplied by, or null for none
 */
public record EdgePath(int candidate, @Nullable NDArray scale) {

    /**
     * A path that computes the candidate as it is.
     *
     * @param candidate the candidate's index
     * @return the path
     */
    public static EdgePath of(int candidate) {
        return new EdgePath(candidate, null);
    }
}
