package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;

class ReinforceProviderTest {

    private final SearchSpace nb201 = Fixtures.nasBench201();

    @Test
    void isFoundByServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(StrategyProvider.class).stream())
                .map(ServiceLoader.Provider::get)
                .filteredOn(provider -> provider.id().equals("reinforce"))
                .singleElement()
                .isInstanceOf(ReinforceProvider.class)
                .extracting(StrategyProvider::description)
                .asString()
                .contains("REINFORCE");
    }

    @Test
    void declaresTypedSettingsWithTheReferenceDefaults() {
        assertThat(new ReinforceProvider().settings())
                .extracting(SettingSpec::name, SettingSpec::type, SettingSpec::defaultValue)
                .containsExactly(
                        tuple("algorithm", SettingSpec.Type.STRING, "ppo"),
                        tuple("controller", SettingSpec.Type.STRING, "independent"),
                        tuple("learning-rate", SettingSpec.Type.NUMBER, 0.0),
                        tuple("baseline-decay", SettingSpec.Type.NUMBER, 0.9),
                        tuple("entropy-weight", SettingSpec.Type.NUMBER, 0.0),
                        tuple("temperature", SettingSpec.Type.NUMBER, 1.0),
                        tuple("lstm-hidden", SettingSpec.Type.INTEGER, 32L),
                        tuple("lstm-engine", SettingSpec.Type.STRING, ""),
                        tuple("distinct", SettingSpec.Type.BOOLEAN, true),
                        tuple("ppo-batch", SettingSpec.Type.INTEGER, 5L),
                        tuple("ppo-epochs", SettingSpec.Type.INTEGER, 10L),
                        tuple("ppo-clip", SettingSpec.Type.NUMBER, 0.2));
        assertThat(new ReinforceProvider().settings())
                .allMatch(spec -> !spec.description().isBlank());
    }

    @Test
    void anUnknownSettingIsRejectedWithTheValidOnes() {
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("lr", "0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'lr'")
                .hasMessageContaining("learning-rate (number, default 0.0)")
                .hasMessageContaining("baseline-decay")
                .hasMessageContaining("controller");
    }

    @Test
    void aBadlyTypedSettingIsRejectedByName() {
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("learning-rate", "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'learning-rate'")
                .hasMessageContaining("'fast'; expected a number");
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("lstm-hidden", "1.5")))
                .hasMessageContaining("'lstm-hidden'")
                .hasMessageContaining("expected an integer");
    }

    @Test
    void valuesBelowTheirMinimumAreRejectedByName() {
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("temperature", "0")))
                .hasMessageContaining("'temperature'")
                .hasMessageContaining("expected at least 0.01");
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("lstm-hidden", "0")))
                .hasMessageContaining("'lstm-hidden'")
                .hasMessageContaining("expected at least 1");
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("learning-rate", "-0.1")))
                .hasMessageContaining("'learning-rate'");
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("entropy-weight", "-1")))
                .hasMessageContaining("'entropy-weight'");
    }

    @Test
    void aBaselineDecayOfOneIsRejected() {
        assertThatThrownBy(() -> ReinforceFixtures.create(nb201, 0, Map.of("baseline-decay", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'baseline-decay' of strategy 'reinforce' is 1.0; expected a"
                                + " number in [0, 1)");
    }

    @Test
    void anUnknownAlgorithmIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> ReinforceFixtures.create(nb201, 0, Map.of("algorithm", "trpo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'algorithm' of strategy 'reinforce' is 'trpo'; expected one of"
                                + " [reinforce, ppo]");
    }

    @Test
    void aBatchOfOneIsRejected() {
        assertThatThrownBy(() -> ReinforceFixtures.settings(Map.of("ppo-batch", "1")))
                .hasMessageContaining("'ppo-batch'")
                .hasMessageContaining("expected at least 2");
    }

    @Test
    void aLearningRateOfZeroIsTheTunedRateOfTheAlgorithmAndController() {
        assertThat(rate(Map.of())).isEqualTo(0.1);
        assertThat(rate(Map.of("controller", "lstm"))).isEqualTo(0.01);
        assertThat(rate(Map.of("algorithm", "reinforce"))).isEqualTo(0.01);
        assertThat(rate(Map.of("algorithm", "reinforce", "controller", "lstm"))).isEqualTo(0.01);
        assertThat(rate(Map.of("learning-rate", "0.3"))).isEqualTo(0.3);
    }

    private static double rate(Map<String, String> given) {
        return ReinforceSettings.from(ReinforceFixtures.settings(given)).learningRate();
    }

    @Test
    void anUnknownControllerIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> ReinforceFixtures.create(nb201, 0, Map.of("controller", "gru")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'controller' of strategy 'reinforce' is 'gru'; expected one of"
                                + " [independent, lstm]");
    }

    @Test
    void anUnknownLstmEngineIsRejectedWithTheAvailableOnes() {
        assertThatThrownBy(
                        () ->
                                ReinforceFixtures.create(
                                        nb201,
                                        0,
                                        Map.of("controller", "lstm", "lstm-engine", "Abacus")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Abacus' is not available")
                .hasMessageContaining("PyTorch");
    }

    @Test
    void aContinuousChoiceIsRejectedByLabel() {
        SearchSpace continuous =
                Fixtures.space(
                        "continuous",
                        new ChoiceTree(
                                List.of(
                                        LayerChoice.of("op", List.of("x", "y")),
                                        ValueChoice.floatRange("rate", 0.001, 0.1, true))));
        assertThatThrownBy(() -> ReinforceFixtures.create(continuous, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choice 'rate' is continuous")
                .hasMessageContaining("expected a categorical or integer choice");
    }

    @Test
    void aChoiceWithMoreValuesThanLogitsAllowedIsRejectedByLabel() {
        SearchSpace wide =
                Fixtures.space(
                        "wide",
                        new ChoiceTree(List.of(ValueChoice.integerRange("units", 1, 5000))));
        assertThatThrownBy(() -> ReinforceFixtures.create(wide, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choice 'units' has 5000 values")
                .hasMessageContaining("at most 4096");
    }
}
