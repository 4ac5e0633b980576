package org.djlnas.examples.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/**
 * Registers the {@code se-cnn} space ({@link SeCnnSpace}). Its {@code operations} setting names the
 * candidate operations of every layer; they may come from any operation provider on the class path,
 * this plug-in's {@code se_conv_3x3} or the built-in ones.
 *
 * <p>Listed in {@code META-INF/services/org.djlnas.api.space.SearchSpaceProvider}.
 */
public final class SeCnnProvider implements SearchSpaceProvider {

    /** The name of the channels setting. */
    static final String CHANNELS = "channels";

    /** The name of the layers setting. */
    static final String LAYERS = "layers";

    /** The name of the operations setting. */
    static final String OPERATIONS = "operations";

    /** The name of the classes setting (filled in from the data set by {@code nas search}). */
    static final String CLASSES = "classes";

    /** Creates the provider. */
    public SeCnnProvider() {}

    @Override
    public String id() {
        return SeCnnSpace.ID;
    }

    @Override
    public String description() {
        return "example plug-in: a squeeze-and-excitation stem, then layers that each choose one"
                + " operation, global pooling and a linear classifier";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(CHANNELS, 16, 1, "channels of every layer"),
                SettingSpec.integer(LAYERS, 2, 1, "layers after the stem, each with a choice"),
                SettingSpec.string(
                        OPERATIONS,
                        ExampleOperations.SE_CONV_3X3 + ",nor_conv_3x3,skip_connect",
                        "the candidate operations of every layer, comma-separated"),
                SettingSpec.integer(CLASSES, 10, 1, "number of classes"));
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        List<String> candidates =
                Arrays.stream(settings.getString(OPERATIONS).split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .distinct()
                        .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(
                    "setting '"
                            + OPERATIONS
                            + "' of space '"
                            + SeCnnSpace.ID
                            + "' names no operation; expected a comma-separated list such as "
                            + ExampleOperations.SE_CONV_3X3
                            + ",skip_connect");
        }
        List<String> needed = new ArrayList<>(candidates);
        needed.add(ExampleOperations.SE_CONV_3X3);
        operations.requireAll(needed, "space '" + SeCnnSpace.ID + "'");
        return new SeCnnSpace(settings, candidates, operations);
    }
}
