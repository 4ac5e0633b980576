package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.junit.jupiter.api.Test;

class GdasSettingsTest {

    private static GdasSettings resolve(Map<String, String> given) {
        return GdasSettings.from(Settings.resolve("strategy", GdasSettings.specs(), given));
    }

    @Test
    void theTemperatureFallsLinearlyFromTauMaxInTheFirstEpochToTauMinInTheLast() {
        GdasSettings settings = resolve(Map.of());
        int epochs = 11;

        assertThat(settings.temperatureAt(1, epochs)).isEqualTo(10);
        assertThat(settings.temperatureAt(epochs, epochs)).isCloseTo(0.1, within(1e-12));
        assertThat(settings.temperatureAt(6, epochs)).isCloseTo(5.05, within(1e-12));
        for (int epoch = 1; epoch < epochs; epoch++) {
            assertThat(
                            settings.temperatureAt(epoch, epochs)
                                    - settings.temperatureAt(epoch + 1, epochs))
                    .isCloseTo(0.99, within(1e-12));
        }
        assertThat(settings.temperatureAt(1, 1)).as("a single epoch").isEqualTo(10);
        assertThat(resolve(Map.of("tau-max", "5", "tau-min", "1")).temperatureAt(2, 3))
                .isEqualTo(3);
    }

    @Test
    void theStepsAreDartsFirstOrderWithItsDefaultsAndNoCollapseGuard() {
        GdasSettings settings = resolve(Map.of("batch-size", "32"));

        assertThat(settings.steps())
                .isEqualTo(
                        new DartsSettings(
                                1, 32, 0.025, 0.001, 0.9, 3e-4, 5, 3e-4, 0.5, 0.999, 1e-3, -1, 0));
        assertThat(GdasSettings.specs())
                .extracting(SettingSpec::name)
                .contains("tau-max", "tau-min", "arch-learning-rate", "validation-batches")
                .doesNotContain("order", "max-skip-connections");
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> resolve(Map.of("tau-max", "1", "tau-min", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tau-min' is 2.0; expected at most 'tau-max' (1.0)");
        assertThatThrownBy(() -> resolve(Map.of("tau-min", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tau-min' is 0.0; expected > 0");
        assertThatThrownBy(() -> resolve(Map.of("order", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order");
    }

    @Test
    void theProviderIsFoundAsGdas() {
        List<String> ids =
                ServiceLoader.load(OneShotStrategyProvider.class).stream()
                        .map(provider -> provider.get().id())
                        .toList();

        assertThat(ids).contains(GdasProvider.ID);
        assertThat(GdasProvider.ID).isEqualTo("gdas");
        assertThat(new GdasProvider().settings()).isEqualTo(GdasSettings.specs());
    }
}
