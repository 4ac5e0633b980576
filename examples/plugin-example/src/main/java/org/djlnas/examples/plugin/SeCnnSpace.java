package org.djlnas.examples.plugin;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.SearchSpace;

/**
 * A small image-classification space built from registered operations: a {@code se_conv_3x3} stem
 * at stride 2, then {@code layers} layers labelled {@code layer-1}, {@code layer-2}, … that each
 * choose one of the candidate operations (all keep the channels), then global average pooling and a
 * linear classifier.
 */
final class SeCnnSpace implements SearchSpace {

    /** The registry id. */
    static final String ID = "se-cnn";

    private final Settings settings;
    private final OpRegistry operations;
    private final ChoiceTree choices;

    SeCnnSpace(Settings settings, List<String> candidates, OpRegistry operations) {
        this.settings = settings;
        this.operations = operations;
        List<Choice> layers = new ArrayList<>();
        for (int layer = 1; layer <= settings.getInt(SeCnnProvider.LAYERS); layer++) {
            layers.add(LayerChoice.of(label(layer), candidates));
        }
        this.choices = new ChoiceTree(layers);
    }

    private static String label(int layer) {
        return "layer-" + layer;
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
        Architecture valid = validate(architecture);
        int channels = settings.getInt(SeCnnProvider.CHANNELS);
        SequentialBlock network = new SequentialBlock();
        network.add(
                operations.create(ExampleOperations.SE_CONV_3X3, new OpContext(channels, 2, true)));
        for (int layer = 1; layer <= settings.getInt(SeCnnProvider.LAYERS); layer++) {
            network.add(
                    operations.create(
                            valid.getString(label(layer)), new OpContext(channels, 1, true)));
        }
        network.add(new ClassifierHead(settings.getInt(SeCnnProvider.CLASSES)));
        return network;
    }
}
