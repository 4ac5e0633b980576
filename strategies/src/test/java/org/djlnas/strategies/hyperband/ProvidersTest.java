package org.djlnas.strategies.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ServiceLoader;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.StrategyProvider;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    @Test
    void bothStrategiesAreFoundByServiceLoader() {
        assertThat(
                        ServiceLoader.load(StrategyProvider.class).stream()
                                .map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.id().equals("hyperband") || p.id().equals("bohb"))
                .hasAtLeastOneElementOfType(HyperbandProvider.class)
                .hasAtLeastOneElementOfType(BohbProvider.class)
                .allMatch(p -> !p.description().isBlank());
    }

    @Test
    void theSettingsAreTypedWithTheDocumentedDefaults() {
        assertThat(new HyperbandProvider().settings())
                .extracting(SettingSpec::name, SettingSpec::type, SettingSpec::defaultValue)
                .containsExactly(
                        tuple("min-epochs", SettingSpec.Type.NUMBER, 1.0),
                        tuple("max-epochs", SettingSpec.Type.NUMBER, 9.0),
                        tuple("eta", SettingSpec.Type.INTEGER, 3L));
        assertThat(new BohbProvider().settings())
                .extracting(SettingSpec::name, SettingSpec::defaultValue)
                .containsExactly(
                        tuple("min-epochs", 1.0),
                        tuple("max-epochs", 9.0),
                        tuple("eta", 3L),
                        tuple("top-fraction", 0.15),
                        tuple("random-fraction", 1.0 / 3),
                        tuple("min-points-in-model", 0L),
                        tuple("candidates", 64L),
                        tuple("bandwidth-factor", 3.0),
                        tuple("min-bandwidth", 1e-3));
    }
}
