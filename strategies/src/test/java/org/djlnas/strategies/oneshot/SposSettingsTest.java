package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.junit.jupiter.api.Test;

class SposSettingsTest {

    @Test
    void theWeightsTrainWithDartsNamesAndDefaultsAndTheEvolutionHasItsOwnSettings() {
        SposSettings defaults =
                SposSettings.from(Settings.defaults("strategy", SposSettings.specs()));

        assertThat(SposSettings.specs())
                .extracting(SettingSpec::name)
                .containsExactly(
                        "batch-size",
                        "learning-rate",
                        "min-learning-rate",
                        "momentum",
                        "weight-decay",
                        "gradient-clip",
                        "evolution-candidates",
                        "epoch-candidates",
                        "recalibration-batches",
                        "validation-batches");
        assertThat(defaults)
                .isEqualTo(new SposSettings(64, 0.025, 0.001, 0.9, 3e-4, 5, 100, 10, 10, 10));
        assertThat(defaults.learningRateAt(3, 10))
                .isEqualTo(DartsFixtures.settings(1, 2).learningRateAt(3, 10));
    }

    @Test
    void theLastEpochScoresTheFullSearchAndEarlierEpochsTheirFew() {
        SposSettings settings = new SposSettings(64, 0.025, 0.001, 0.9, 3e-4, 5, 50, 3, 10, 10);

        assertThat(settings.candidatesAfter(1, 4)).isEqualTo(3);
        assertThat(settings.candidatesAfter(3, 4)).isEqualTo(3);
        assertThat(settings.candidatesAfter(4, 4)).isEqualTo(50);
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(
                        () ->
                                Settings.resolve(
                                        "strategy",
                                        SposSettings.specs(),
                                        Map.of("recalibration-batches", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recalibration-batches");
        assertThatThrownBy(() -> new SposSettings(64, 0.01, 0.02, 0.9, 3e-4, 5, 50, 3, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'min-learning-rate'");
        assertThatThrownBy(() -> new SposSettings(64, 0.025, 0.001, 0.9, 3e-4, 5, 50, 0, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'epoch-candidates'");
    }
}
