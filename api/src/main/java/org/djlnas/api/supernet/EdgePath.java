package org.djlnas.api.supernet;

import ai.djl.ndarray.NDArray;
import org.jspecify.annotations.Nullable;

/**
 * The one candidate operation a supernet edge computes while a single path is chosen, as
 * single-path methods need: SPOS and ENAS train and score one sampled architecture at a time, and
 * GDAS computes only the operation of its hard Gumbel-softmax sample.
 *
 * <p>The edge's output is the candidate's output, multiplied by {@code scale} when one is given. A
 * path through the zero candidate, or {@link #zero()} in a cell without one, gives zeros of the
 * edge's output shape: that is how an architecture's unused edges (a DARTS node keeps two of its
 * incoming edges) stay silent. GDAS passes the sample's straight-through weight there (one in
 * value, the soft sample's gradient in the backward pass), so α learns through the single computed
 * operation.
 *
 * @param candidate the index of the candidate, in the order of {@link SearchCell#candidates()}, or
 *     {@link #ZERO} for no output
 * @param scale a scalar array the output is multiplied by, or null for none
 */
public record EdgePath(int candidate, @Nullable NDArray scale) {

    /** The candidate index of a path that outputs zeros. */
    public static final int ZERO = -1;

    /**
     * A path that outputs zeros: the edge is not part of the chosen architecture.
     *
     * @return the path
     */
    public static EdgePath zero() {
        return new EdgePath(ZERO, null);
    }

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
