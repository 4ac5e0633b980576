package org.djlnas.spaces.baseline;

import ai.djl.nn.Block;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.SearchSpace;

/**
 * A space with no choices, holding one hand-designed network: a baseline that found networks are
 * compared with. Its only architecture is the empty one, {@code {}}, so it retrains ({@code nas
 * retrain --space ID --arch '{}'}, or {@code nas search --baseline ID}) under exactly the recipe of
 * any found network. Subclasses build the network from the settings.
 */
public abstract class FixedNetworkSpace implements SearchSpace {

    private static final ChoiceTree NO_CHOICES = new ChoiceTree(List.of());

    private final String id;
    private final Settings settings;

    /**
     * Creates the space.
     *
     * @param id the registry id
     * @param settings the resolved settings
     */
    protected FixedNetworkSpace(String id, Settings settings) {
        this.id = id;
        this.settings = settings;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Settings settings() {
        return settings;
    }

    @Override
    public final ChoiceTree choices() {
        return NO_CHOICES;
    }

    @Override
    public final Block compile(Architecture architecture) {
        validate(architecture);
        return network(settings);
    }

    /**
     * Builds the network, uninitialised.
     *
     * @param settings the resolved settings
     * @return the network
     */
    protected abstract Block network(Settings settings);
}
