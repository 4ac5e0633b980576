package org.djlnas.spaces.mlp;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.Labels;
import org.djlnas.api.space.Repeat;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.spaces.ops.ExpectFeatures;
import org.djlnas.spaces.ops.PointwiseActivation;
import org.djlnas.spaces.ops.PortableDropout;

/**
 * A multi-layer perceptron for table rows: {@code layers} (a {@link Repeat} of 1 to 4) hidden
 * layers, layer {@code i} being {@code Linear(layers/i/width)}, then batch normalisation if {@code
 * layers/i/batch-norm}, the activation {@code layers/i/activation}, and dropout at the rate {@code
 * layers/i/dropout} when it is above 0; then {@code Linear(classes)}. 120 choices per layer (5
 * widths × 4 activations × 3 rates × 2), 209,102,520 architectures in all.
 *
 * <p>Every multi-trial strategy searches it; DARTS does not, since an MLP is not a cell space.
 */
public final class MlpSpace implements SearchSpace {

    /** The registry id. */
    public static final String ID = "mlp";

    /** The label of the number of hidden layers. */
    public static final String LAYERS = "layers";

    static final List<Integer> DEPTHS = List.of(1, 2, 3, 4);
    static final List<Integer> WIDTHS = List.of(16, 32, 64, 128, 256);
    static final List<Double> DROPOUTS = List.of(0.0, 0.1, 0.3);

    private final Settings settings;
    private final ChoiceTree choices;

    MlpSpace(Settings settings) {
        this.settings = settings;
        this.choices = new ChoiceTree(List.of(Repeat.of(LAYERS, DEPTHS, MlpSpace::layer)));
    }

    private static List<Choice> layer(int i) {
        return List.of(
                ValueChoice.categorical(label(i, "width"), WIDTHS),
                ValueChoice.categorical(label(i, "activation"), PointwiseActivation.Kind.ids()),
                ValueChoice.categorical(label(i, "dropout"), DROPOUTS),
                ValueChoice.categorical(label(i, "batch-norm"), List.of(false, true)));
    }

    private static String label(int layer, String choice) {
        return Labels.join(LAYERS, String.valueOf(layer), choice);
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
        SequentialBlock network =
                new SequentialBlock()
                        .add(new ExpectFeatures(settings.getInt(MlpProvider.FEATURES)));
        long depth = valid.getLong(LAYERS);
        for (int i = 0; i < depth; i++) {
            network.add(Linear.builder().setUnits(valid.getLong(label(i, "width"))).build());
            if ((Boolean) valid.get(label(i, "batch-norm"))) {
                network.add(BatchNorm.builder().build());
            }
            network.add(
                    new PointwiseActivation(
                            PointwiseActivation.Kind.of(valid.getString(label(i, "activation")))));
            double dropout = valid.getDouble(label(i, "dropout"));
            if (dropout > 0) {
                network.add(new PortableDropout((float) dropout));
            }
        }
        return network.add(Linear.builder().setUnits(settings.getInt(MlpProvider.CLASSES)).build());
    }
}
