package org.djlnas.spaces;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Map;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Test helpers: initialized blocks and spaces with given settings. */
public final class SpaceFixtures {

    private SpaceFixtures() {}

    /** Initializes a block for an input shape. */
    public static Block initialized(Block block, NDManager manager, Shape input) {
        block.initialize(manager, DataType.FLOAT32, input);
        return block;
    }

    /** Creates a space with settings given as text. */
    public static SearchSpace space(SearchSpaceProvider provider, Map<String, String> settings) {
        return provider.create(
                Settings.resolve("space '" + provider.id() + "'", provider.settings(), settings),
                OpRegistry.discover());
    }
}
