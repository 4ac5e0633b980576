package org.djlnas.spaces.textnas;

import java.util.List;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Registers the {@code textnas} space. */
public final class TextNasProvider implements SearchSpaceProvider {

    static final String VOCABULARY_SIZE = "vocabulary-size";
    static final String SEQUENCE_LENGTH = "sequence-length";
    static final String CLASSES = "classes";
    static final String EMBEDDING_SIZE = "embedding-size";
    static final String NODES = "nodes";
    static final String CELLS = "cells";

    @Override
    public String id() {
        return TextNasSpace.ID;
    }

    @Override
    public String description() {
        return "TextNAS-style text space: embedding, cells of 1-D convolutions, GRU, pooling, skip"
                + " and zero, max over time, linear classifier";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(
                        VOCABULARY_SIZE, 20_000, 2, "token ids, padding and unknown included"),
                SettingSpec.integer(SEQUENCE_LENGTH, 256, 1, "tokens per document"),
                SettingSpec.integer(CLASSES, 2, 1, "number of classes"),
                SettingSpec.integer(
                        EMBEDDING_SIZE,
                        0,
                        0,
                        "embedding size, also the cells' channels; 0 searches "
                                + TextNasSpace.EMBEDDING_SIZES),
                SettingSpec.integer(NODES, 4, 1, "intermediate nodes per cell"),
                SettingSpec.integer(CELLS, 1, 1, "cells in a row, all of the searched kind"));
    }

    @Override
    public SearchSpace create(Settings settings, OpRegistry operations) {
        return new TextNasSpace(settings);
    }
}
