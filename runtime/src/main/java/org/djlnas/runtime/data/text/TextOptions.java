package org.djlnas.runtime.data.text;

import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/** The options every text data set takes: the vocabulary, the length and the test split. */
final class TextOptions {

    static final String VOCABULARY = "vocabulary";
    static final String MIN_COUNT = "min-count";
    static final String LENGTH = "length";
    static final String LOWERCASE = "lowercase";
    static final String TEST_FRACTION = "test-fraction";
    static final String SPLIT_SEED = "split-seed";

    private TextOptions() {}

    /**
     * Returns the common options followed by a kind's own.
     *
     * @param own the kind's own options
     * @return all options
     */
    static List<SettingSpec> with(List<SettingSpec> own) {
        List<SettingSpec> all = new ArrayList<>(own);
        all.add(
                SettingSpec.integer(
                        VOCABULARY,
                        20_000,
                        2,
                        "largest vocabulary, padding and unknown included (most frequent tokens"
                                + " of the training set)"));
        all.add(SettingSpec.integer(MIN_COUNT, 2, 1, "fewest occurrences of a kept token"));
        all.add(SettingSpec.integer(LENGTH, 256, 1, "tokens per document (cut or padded)"));
        all.add(SettingSpec.bool(LOWERCASE, true, "lower-case texts before tokenizing"));
        all.add(
                SettingSpec.number(
                        TEST_FRACTION,
                        0.2,
                        0,
                        "fraction of the documents held out as the test set, in (0, 1)"));
        all.add(SettingSpec.integer(SPLIT_SEED, 0, 0, "seed of the test hold-out"));
        return List.copyOf(all);
    }

    /**
     * Checks the test fraction.
     *
     * @param options the options
     * @return the fraction
     */
    static double testFraction(Settings options) {
        double fraction = options.getDouble(TEST_FRACTION);
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "option "
                            + TEST_FRACTION
                            + " is "
                            + fraction
                            + "; expected a number between 0 and 1, both excluded");
        }
        return fraction;
    }
}
