package org.djlnas.spaces.baseline;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import org.djlnas.api.settings.Settings;
import org.djlnas.spaces.ops.ExpectChannels;
import org.djlnas.spaces.ops.Flatten;
import org.djlnas.spaces.ops.Pool2d;
import org.djlnas.spaces.ops.Relu;

/**
 * The hand-designed baseline found networks are compared with: 3×3 convolution to 32 channels,
 * ReLU, 2×2 max pooling, 3×3 convolution to 64 channels, ReLU, 2×2 max pooling, a linear classifier
 * (50,186 parameters on 28×28×1 images). A space with no choices: its only architecture is the
 * empty one, {@code {}}, so it retrains with {@code nas retrain --space small-cnn --arch '{}'}
 * under exactly the recipe of any found network.
 */
public final class SmallCnnSpace extends FixedNetworkSpace {

    /** The registry id. */
    public static final String ID = "small-cnn";

    SmallCnnSpace(Settings settings) {
        super(ID, settings);
    }

    @Override
    protected Block network(Settings settings) {
        return new SequentialBlock()
                .add(new ExpectChannels(settings.getInt(SmallCnnProvider.INPUT_CHANNELS)))
                .add(convolution(32))
                .add(new Relu())
                .add(new Pool2d(Pool2d.Kind.MAX, 2, 2, 0))
                .add(convolution(64))
                .add(new Relu())
                .add(new Pool2d(Pool2d.Kind.MAX, 2, 2, 0))
                .add(new Flatten())
                .add(Linear.builder().setUnits(settings.getInt(SmallCnnProvider.CLASSES)).build());
    }

    private static Block convolution(int filters) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .build();
    }
}
