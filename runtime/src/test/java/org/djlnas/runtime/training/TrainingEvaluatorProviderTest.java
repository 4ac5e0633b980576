package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.runtime.data.FashionMnistSource;
import org.junit.jupiter.api.Test;

class TrainingEvaluatorProviderTest {

    private final TrainingEvaluatorProvider provider = new TrainingEvaluatorProvider();

    private EvaluatorContext context(Map<String, String> settings, Optional<DataSource> data) {
        return new EvaluatorContext(
                Trials.space(4),
                Settings.resolve("evaluator 'training'", provider.settings(), settings),
                1,
                Optional.of("PyTorch"),
                Path.of("experiment"),
                data);
    }

    @Test
    void declaresTheTrainingRecipeWithTheDefaultsAsSettings() {
        assertThat(provider.settings())
                .extracting(SettingSpec::name)
                .containsExactly(
                        "learning-rate",
                        "momentum",
                        "weight-decay",
                        "batch-size",
                        "recalibration-batches",
                        "teacher",
                        "teacher-temperature",
                        "teacher-weight");
        assertThat(provider.settings())
                .extracting(SettingSpec::defaultValue)
                .containsExactly(0.05, 0.9, 3e-4, 64L, 30L, "", 4.0, 0.9);
    }

    @Test
    void withoutADataSetItSaysWhichOptionGivesOne() {
        assertThatThrownBy(() -> provider.create(context(Map.of(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give `dataset` KIND[:LOCATION]");
    }

    @Test
    void aMomentumOfOneOrMoreIsRefusedByName() {
        assertThatThrownBy(
                        () ->
                                provider.create(
                                        context(
                                                Map.of("momentum", "1.5"),
                                                Optional.of(
                                                        new FashionMnistSource(
                                                                Path.of("/nowhere"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evaluator setting 'momentum' is 1.5; expected below 1");
    }
}
