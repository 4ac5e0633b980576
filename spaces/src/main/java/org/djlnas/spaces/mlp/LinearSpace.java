package org.djlnas.spaces.mlp;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.ops.ExpectFeatures;

/**
 * The baseline found table networks are compared with: one {@code Linear(classes)} layer on the
 * encoded features. Trained with softmax cross-entropy it is multinomial logistic regression; with
 * the L2 loss on one output, linear regression. A space with no choices: its only architecture is
 * {@code {}}, so it trains under exactly the recipe of any found network.
 */
public final class LinearSpace implements SearchSpace {

    /** The registry id. */
    public static final String ID = "linear";

    private final Settings settings;
    private final ChoiceTree choices = new ChoiceTree(List.of());

    LinearSpace(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public ChoiceTree choices() {
        return choices;
    }

    @Override
    public Block compile(Architecture architecture) {
        validate(architecture);
        return new SequentialBlock()
                .add(new ExpectFeatures(settings.getInt(MlpProvider.FEATURES)))
                .add(Linear.builder().setUnits(settings.getInt(MlpProvider.CLASSES)).build());
    }
}
