package org.djlnas.spaces.baseline;

import ai.djl.nn.Block;
import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/**
 * Registers the {@code bag-of-words} baseline for text: a linear model on token counts (see {@link
 * BagOfWords}), with no choices; its only architecture is {@code {}}.
 */
public final class BagOfWordsProvider implements SearchSpaceProvider {

    /** The registry id. */
    public static final String ID = "bag-of-words";

    static final String VOCABULARY_SIZE = "vocabulary-size";
    static final String SEQUENCE_LENGTH = "sequence-length";
    static final String CLASSES = "classes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "baseline for text, no choices: a linear model on token counts; its only"
                + " architecture is {}";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(
                        VOCABULARY_SIZE, 20_000, 2, "token ids, padding and unknown included"),
                SettingSpec.integer(SEQUENCE_LENGTH, 256, 1, "tokens per document"),
                SettingSpec.integer(CLASSES, 2, 1, "number of classes"));
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new FixedNetworkSpace(ID, settings) {
            @Override
            protected Block network(Settings settings) {
                return new BagOfWords(settings.getInt(VOCABULARY_SIZE), settings.getInt(CLASSES));
            }
        };
    }
}
