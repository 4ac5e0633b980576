package org.djlnas.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.StrategyProvider;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private static List<StrategyProvider> discovered() {
        return ServiceLoader.load(StrategyProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    @Test
    void theBuiltInStrategiesAreFoundByServiceLoaderUnderKebabCaseIds() {
        assertThat(discovered())
                .extracting(StrategyProvider::id)
                .containsExactly(
                        "random",
                        "grid",
                        "regularized-evolution",
                        "nsga2",
                        "reinforce",
                        "hyperband",
                        "bohb",
                        "gp-bo")
                .allMatch(id -> id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
        assertThat(discovered())
                .extracting(StrategyProvider::description)
                .allMatch(d -> !d.isBlank());
    }

    @Test
    void evolutionDeclaresTypedSettingsWhoseDefaultMeansAutomatic() {
        assertThat(new RegularizedEvolutionProvider().settings())
                .extracting(SettingSpec::name, SettingSpec::type, SettingSpec::defaultValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "population", SettingSpec.Type.INTEGER, 0L),
                        org.assertj.core.groups.Tuple.tuple(
                                "sample-size", SettingSpec.Type.INTEGER, 0L),
                        org.assertj.core.groups.Tuple.tuple(
                                "crossover", SettingSpec.Type.STRING, "none"),
                        org.assertj.core.groups.Tuple.tuple(
                                "crossover-rate", SettingSpec.Type.NUMBER, 0.5));
        assertThat(new RandomSearchProvider().settings()).isEmpty();
        assertThat(new GridSearchProvider().settings()).isEmpty();
    }
}
