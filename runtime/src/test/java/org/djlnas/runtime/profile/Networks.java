package org.djlnas.runtime.profile;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.Map;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Test helpers: spaces built from their providers, and blocks initialized for a shape. */
final class Networks {

    private Networks() {}

    static SearchSpace space(SearchSpaceProvider provider, Map<String, String> settings) {
        return provider.create(
                Settings.resolve("space '" + provider.id() + "'", provider.settings(), settings),
                OpRegistry.discover());
    }

    static <B extends Block> B initialized(B block, NDManager manager, Shape inputShape) {
        block.setInitializer(Initializer.ONES, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, inputShape);
        return block;
    }
}
