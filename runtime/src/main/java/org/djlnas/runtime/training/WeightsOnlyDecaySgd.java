package org.djlnas.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Set;

/**
 * DJL's SGD with weight decay applied only to chosen parameters (DJL's optimizers decay every
 * parameter alike): two {@code Sgd} instances, one with and one without decay, each parameter
 * always updated by the same one.
 */
final class WeightsOnlyDecaySgd extends Optimizer {

    private final Set<String> decayed;
    private final Optimizer withDecay;
    private final Optimizer withoutDecay;

    /**
     * Creates the optimizer.
     *
     * @param learningRate the learning rate schedule, by update number
     * @param momentum the momentum
     * @param weightDecay the decay of the chosen parameters
     * @param decayed the ids of the parameters to decay
     */
    WeightsOnlyDecaySgd(
            Tracker learningRate, float momentum, float weightDecay, Set<String> decayed) {
        super(new Builder());
        this.decayed = Set.copyOf(decayed);
        this.withDecay =
                Optimizer.sgd()
                        .setLearningRateTracker(learningRate)
                        .optMomentum(momentum)
                        .optWeightDecays(weightDecay)
                        .build();
        this.withoutDecay =
                Optimizer.sgd()
                        .setLearningRateTracker(learningRate)
                        .optMomentum(momentum)
                        .optWeightDecays(0f)
                        .build();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        (decayed.contains(parameterId) ? withDecay : withoutDecay)
                .update(parameterId, weight, grad);
    }

    private static final class Builder extends Optimizer.OptimizerBuilder<Builder> {

        @Override
        protected Builder self() {
            return this;
        }
    }
}
