package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void defaultsAreTheDocumentedRecipe() {
        TrainingSettings settings = TrainingSettings.defaults();
        assertThat(settings.batchSize()).isEqualTo(64);
        assertThat(settings.learningRate()).isEqualTo(0.05f);
        assertThat(settings.momentum()).isEqualTo(0.9f);
        assertThat(settings.weightDecay()).isEqualTo(3e-4f);
        assertThat(settings.split()).isEqualTo(new DataSplit(0, 0.1, 0));
        assertThat(settings.recalibrationBatches()).isEqualTo(30);
        assertThat(settings.latencyBatches()).isEqualTo(5);
    }

    @Test
    void withersChangeOneField() {
        TrainingSettings settings =
                TrainingSettings.defaults()
                        .withBatchSize(32)
                        .withLearningRate(0.1f)
                        .withMomentum(0f)
                        .withWeightDecay(0f)
                        .withSplit(DataSplit.of(3))
                        .withRecalibrationBatches(0)
                        .withLatencyBatches(2);
        assertThat(settings)
                .isEqualTo(new TrainingSettings(32, 0.1f, 0f, 0f, DataSplit.of(3), 0, 2));
    }

    @Test
    void badValuesAreRejectedByName() {
        TrainingSettings defaults = TrainingSettings.defaults();
        assertThatThrownBy(() -> defaults.withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> defaults.withLearningRate(Float.NaN))
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> defaults.withMomentum(1f)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> defaults.withWeightDecay(-1f)).hasMessageContaining("weightDecay");
        assertThatThrownBy(() -> defaults.withRecalibrationBatches(-1))
                .hasMessageContaining("recalibrationBatches");
        assertThatThrownBy(() -> defaults.withLatencyBatches(0))
                .hasMessageContaining("latencyBatches");
    }

    @Test
    void unknownEngineIsRejectedWithTheAvailableOnes() {
        TestEngine.name();
        assertThatThrownBy(
                        () ->
                                new TrainingEvaluator(
                                        Trials.space(4),
                                        new FashionMnistSource(Path.of("/nowhere")),
                                        "NoSuchEngine",
                                        TrainingSettings.defaults(),
                                        EngineSelector.discover()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NoSuchEngine")
                .hasMessageContaining("PyTorch");
    }

    @Test
    void engineSeedFoldsBothHalves() {
        assertThat(TrainingEvaluator.engineSeed(1L)).isEqualTo(1);
        assertThat(TrainingEvaluator.engineSeed(1L << 32)).isEqualTo(1);
        assertThat(TrainingEvaluator.engineSeed(-1L)).isEqualTo(0);
    }
}
