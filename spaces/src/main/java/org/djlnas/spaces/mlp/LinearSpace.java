package org.djlnas.spaces.mlp;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.djlnas.api.settings.Settings;
import org.djlnas.spaces.baseline.FixedNetworkSpace;
import org.djlnas.spaces.ops.ExpectFeatures;
import org.djlnas.spaces.ops.ReferenceLogit;

/**
 * The baseline found table networks are compared with: one linear layer on the encoded features.
 * For regression ({@code classes} 1) it is {@code Linear(1)}, linear regression under the L2 loss.
 * For classification it is multinomial logistic regression in its identifiable form: {@code
 * Linear(classes − 1)} and a logit fixed at 0 for the last class ({@link ReferenceLogit}); a free
 * logit per class would make the first step's gradients sum to exactly zero, which DJL's trainer
 * refuses. A space with no choices: its only architecture is {@code {}}, so it trains under exactly
 * the recipe of any found network.
 */
public final class LinearSpace extends FixedNetworkSpace {

    /** The registry id. */
    public static final String ID = "linear";

    LinearSpace(Settings settings) {
        super(ID, settings);
    }

    @Override
    protected Block network(Settings settings) {
        int classes = settings.getInt(MlpProvider.CLASSES);
        SequentialBlock network =
                new SequentialBlock()
                        .add(new ExpectFeatures(settings.getInt(MlpProvider.FEATURES)));
        if (classes == 1) {
            return network.add(Linear.builder().setUnits(1).build());
        }
        return network.add(Linear.builder().setUnits(classes - 1).build())
                .add(new ReferenceLogit(classes - 1));
    }
}
