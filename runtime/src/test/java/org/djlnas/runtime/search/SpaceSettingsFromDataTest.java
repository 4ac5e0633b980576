package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.training.dataset.RandomAccessDataset;
import java.util.List;
import java.util.Map;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.junit.jupiter.api.Test;

/** The space settings a data set determines, filled in only where declared and not given. */
class SpaceSettingsFromDataTest {

    /** A space that declares some settings; it is never created. */
    private record Declaring(List<String> names) implements SearchSpaceProvider {
        @Override
        public String id() {
            return "declaring";
        }

        @Override
        public String description() {
            return "declares settings";
        }

        @Override
        public List<SettingSpec> settings() {
            return names.stream().map(name -> SettingSpec.integer(name, 1, 1, name)).toList();
        }

        @Override
        public SearchSpace create(Settings settings, OpRegistry operations) {
            throw new UnsupportedOperationException("not needed");
        }
    }

    /** A data set that states its task and input; it has no examples. */
    private record Described(Task task, DataInput input) implements DataSource {
        @Override
        public String id() {
            return "described";
        }

        @Override
        public Map<String, Object> preprocessing() {
            return Map.of();
        }

        @Override
        public int trainingSetSize() {
            return 0;
        }

        @Override
        public RandomAccessDataset train(DataSplit split, int max, int batch, long seed) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public RandomAccessDataset validation(DataSplit split, int batch) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public RandomAccessDataset test(int batch) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public RandomAccessDataset trainingExamples(int[] indices, int batch, long seed) {
            throw new UnsupportedOperationException("not needed");
        }
    }

    private static final Task FIVE_CLASSES =
            new Task.Classification(List.of("a", "b", "c", "d", "e"));

    @Test
    void anImageGivesItsChannelsAndSizeAndTheClassesUnlessGiven() {
        Map<String, String> settings =
                SearchSetup.spaceSettingsFor(
                        new Declaring(
                                List.of(
                                        "input-channels",
                                        "input-height",
                                        "input-width",
                                        "classes")),
                        Map.of("input-height", "64"),
                        new Described(FIVE_CLASSES, new DataInput.Image(3, 32, 48)));
        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "input-channels", "3",
                                "input-height", "64",
                                "input-width", "48",
                                "classes", "5"));
    }

    @Test
    void aRegressionOnATableGivesItsFeaturesAndOneOutput() {
        Map<String, String> settings =
                SearchSetup.spaceSettingsFor(
                        new Declaring(List.of("features", "classes", "width")),
                        Map.of(),
                        new Described(
                                new Task.Regression("price", 10, 2),
                                new DataInput.Features(List.of("rooms", "area"))));
        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(Map.of("features", "2", "classes", "1"));
    }

    @Test
    void tokensGiveTheVocabularyAndLengthAndUndeclaredSettingsStayOut() {
        Map<String, String> settings =
                SearchSetup.spaceSettingsFor(
                        new Declaring(List.of("vocabulary-size", "sequence-length")),
                        Map.of(),
                        new Described(FIVE_CLASSES, new DataInput.Tokens(5000, 128)));
        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("vocabulary-size", "5000", "sequence-length", "128"));
    }
}
