package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelArgumentsTest {

    private static final ModelArguments ARGUMENTS =
            new ModelArguments(
                    "nas-bench-201",
                    new TreeMap<>(Map.of("channels", "4", "cells", "1")),
                    1,
                    28,
                    28,
                    List.of(0.286f),
                    List.of(0.353f),
                    ModelArguments.IMAGE);

    @Test
    void theTextFormReadsBackEqual() {
        Map<String, String> map = ARGUMENTS.toMap();
        assertThat(map)
                .containsEntry("space", "nas-bench-201")
                .containsEntry("space.channels", "4")
                .containsEntry("height", "28")
                .containsEntry("mean", "0.286");
        assertThat(ModelArguments.parse(map)).isEqualTo(ARGUMENTS);
    }

    @Test
    void numbersAsGsonReadsThemAreAccepted() {
        Map<String, Object> map = new HashMap<>(ARGUMENTS.toMap());
        map.put("width", 28.0);
        map.put("space.channels", 4.0);
        map.put("application", "cv/image_classification");
        assertThat(ModelArguments.parse(map)).isEqualTo(ARGUMENTS);
    }

    @Test
    void argumentsWithoutAnInputKindAreAnImageModelsAsPublishedBefore() {
        Map<String, String> map = new HashMap<>(ARGUMENTS.toMap());
        map.remove("input");
        assertThat(ModelArguments.parse(map)).isEqualTo(ARGUMENTS);
    }

    @Test
    void theInputKindNamesTheTranslatorFactory() {
        ModelArguments table =
                new ModelArguments(
                        "mlp",
                        new TreeMap<>(Map.of("features", "30")),
                        0,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        ModelArguments.FEATURES);
        Map<String, String> map = table.toMap();
        assertThat(map)
                .containsEntry("translatorFactory", "org.djlnas.zoo.TableTranslatorFactory")
                .containsEntry("input", "features")
                .doesNotContainKeys("channels", "mean");
        assertThat(ModelArguments.parse(map)).isEqualTo(table);
        assertThat(ARGUMENTS.toMap())
                .containsEntry(
                        "translatorFactory", ImageClassifierTranslatorFactory.class.getName());
        map.put("input", "audio");
        assertThatThrownBy(() -> ModelArguments.parse(map))
                .hasMessageContaining("model argument 'input' is 'audio'");
    }

    @Test
    void aMissingOrBadArgumentIsNamed() {
        Map<String, String> map = new HashMap<>(ARGUMENTS.toMap());
        map.remove("space");
        assertThatThrownBy(() -> ModelArguments.parse(map))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model argument 'space' is missing");
        map.put("space", "x");
        map.put("height", "tall");
        assertThatThrownBy(() -> ModelArguments.parse(map))
                .hasMessageContaining("model argument 'height' is 'tall'; expected a whole number");
        map.put("height", "28");
        map.put("std", "0.3,0.3");
        assertThatThrownBy(() -> ModelArguments.parse(map))
                .hasMessageContaining(
                        "2 standard deviations; expected one of each per channel (1)");
    }
}
