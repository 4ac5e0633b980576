package org.djlnas.strategies.oneshot;

/**
 * Second-order DARTS ({@code darts-2nd}): each architecture step differentiates through one
 * unrolled weight step, with the paper's finite-difference Hessian-vector product.
 */
public final class SecondOrderDartsProvider extends DartsProvider {

    /** The registry id. */
    public static final String ID = "darts-2nd";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "DARTS, second order: the unrolled architecture step (one-shot)";
    }

    @Override
    int defaultOrder() {
        return 2;
    }
}
