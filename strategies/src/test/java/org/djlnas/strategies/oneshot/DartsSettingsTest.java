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

class DartsSettingsTest {

    @Test
    void learningRateFollowsACosineFromTheInitialRateTowardsTheMinimum() {
        DartsSettings settings = DartsFixtures.settings(1, 2);
        int epochs = 10;

        assertThat(settings.learningRateAt(1, epochs)).isEqualTo(0.025);
        assertThat(settings.learningRateAt(6, epochs))
                .isCloseTo((0.025 + 0.001) / 2, within(1e-12));
        assertThat(settings.learningRateAt(epochs + 1, epochs)).isCloseTo(0.001, within(1e-12));
        double expectedThird = 0.001 + 0.024 * (1 + Math.cos(Math.PI * 2 / epochs)) / 2;
        assertThat(settings.learningRateAt(3, epochs)).isCloseTo(expectedThird, within(1e-12));
        for (int epoch = 1; epoch < epochs; epoch++) {
            assertThat(settings.learningRateAt(epoch + 1, epochs))
                    .isLessThan(settings.learningRateAt(epoch, epochs))
                    .isGreaterThan(0.001);
        }
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> withOrder(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'order'");
        assertThatThrownBy(() -> DartsFixtures.settings(1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'max-skip-connections'");
        assertThatThrownBy(() -> withLearningRates(0.01, 0.02))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'min-learning-rate'");
        assertThatThrownBy(
                        () ->
                                Settings.resolve(
                                        "strategy",
                                        DartsSettings.specs(1),
                                        Map.of("validation-batches", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation-batches");
    }

    @Test
    void resolvedSettingsBecomeTheRecord() {
        DartsSettings settings =
                DartsSettings.from(
                        Settings.resolve(
                                "strategy",
                                DartsSettings.specs(1),
                                Map.of("order", "2", "max-skip-connections", "-1")));

        assertThat(settings.order()).isEqualTo(2);
        assertThat(settings.maxSkipConnections()).isEqualTo(-1);
        assertThat(settings.batchSize()).isEqualTo(64);
        assertThat(settings.learningRate()).isEqualTo(0.025);
        assertThat(settings.architectureLearningRate()).isEqualTo(3e-4);
    }

    @Test
    void providersAreFoundUnderTheirIdsWithTheirDefaultOrder() {
        List<OneShotStrategyProvider> providers =
                ServiceLoader.load(OneShotStrategyProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList();

        assertThat(providers)
                .extracting(OneShotStrategyProvider::id)
                .contains(DartsProvider.ID, SecondOrderDartsProvider.ID);
        assertThat(DartsProvider.ID).isEqualTo("darts");
        assertThat(SecondOrderDartsProvider.ID).isEqualTo("darts-2nd");
        assertThat(defaultOrder(new DartsProvider())).isEqualTo(1L);
        assertThat(defaultOrder(new SecondOrderDartsProvider())).isEqualTo(2L);
        assertThat(new SecondOrderDartsProvider().description()).contains("second order");
    }

    private static Object defaultOrder(OneShotStrategyProvider provider) {
        return provider.settings().stream()
                .filter(spec -> spec.name().equals(DartsSettings.ORDER))
                .map(SettingSpec::defaultValue)
                .findFirst()
                .orElseThrow();
    }

    private static DartsSettings withOrder(int order) {
        return new DartsSettings(
                order, 16, 0.025, 0.001, 0.9, 3e-4, 5, 3e-3, 0.5, 0.999, 1e-3, 2, 0);
    }

    private static DartsSettings withLearningRates(double learningRate, double minLearningRate) {
        return new DartsSettings(
                1, 16, learningRate, minLearningRate, 0.9, 3e-4, 5, 3e-3, 0.5, 0.999, 1e-3, 2, 0);
    }
}
