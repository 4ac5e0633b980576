package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;

/**
 * Reptile's outer step (Nichol, Achiam and Schulman, "On First-Order Meta-Learning Algorithms",
 * 2018): the meta parameters move a fraction ε of the way toward the parameters one task's inner
 * steps reached, {@code θ ← θ + ε(θ' − θ)}.
 */
final class ReptileUpdate {

    private static final NDIndex ALL = new NDIndex("...");

    private ReptileUpdate() {}

    /**
     * Moves each meta array in place toward its adapted counterpart.
     *
     * @param meta the meta parameters θ, overwritten
     * @param adapted the parameters θ' after a task's inner steps, in the same order
     * @param epsilon the meta step size ε, in (0, 1]
     */
    static void apply(List<NDArray> meta, List<NDArray> adapted, double epsilon) {
        if (meta.size() != adapted.size()) {
            throw new IllegalArgumentException(
                    "Reptile step over " + meta.size() + " meta arrays and " + adapted.size());
        }
        for (int i = 0; i < meta.size(); i++) {
            NDArray theta = meta.get(i);
            NDArray step = adapted.get(i).sub(theta).mul((float) epsilon);
            theta.set(ALL, theta.add(step));
            step.close();
        }
    }
}
