package org.djlnas.runtime.training;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.SearchSpace;

/**
 * A space of one network for rows of features, until the {@code mlp} space lands: a hidden layer of
 * 32 ReLU units and a linear output layer.
 *
 * @param outputs the outputs: one per class, or 1 for a regression
 */
public record TinyMlpSpace(int outputs) implements SearchSpace {

    @Override
    public String id() {
        return "tiny-mlp";
    }

    @Override
    public Settings settings() {
        return Settings.defaults("space 'tiny-mlp'", List.of());
    }

    @Override
    public ChoiceTree choices() {
        return new ChoiceTree(List.of());
    }

    @Override
    public Block compile(Architecture architecture) {
        validate(architecture);
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(outputs).build());
    }

    /** The space's one architecture. */
    public Architecture architecture() {
        return sample(new java.util.SplittableRandom(0));
    }
}
