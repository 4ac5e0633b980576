package org.djlnas.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final String OWNER = "strategy 'regularized-evolution'";

    private static final List<SettingSpec> SPECS =
            List.of(
                    SettingSpec.integer("population", 50, 1, "how many architectures live"),
                    SettingSpec.number("learning-rate", 0.025, 0.0, "the initial learning rate"),
                    SettingSpec.bool("affine", false, "learn batch-norm scale and shift"),
                    SettingSpec.string("dataset", "cifar10", "the data set"));

    @Test
    void defaultsAreFilledIn() {
        Settings settings = Settings.defaults(OWNER, SPECS);
        assertThat(settings.getInt("population")).isEqualTo(50);
        assertThat(settings.getDouble("learning-rate")).isEqualTo(0.025);
        assertThat(settings.getBoolean("affine")).isFalse();
        assertThat(settings.getString("dataset")).isEqualTo("cifar10");
        assertThat(settings.asMap())
                .containsOnlyKeys("population", "learning-rate", "affine", "dataset");
    }

    @Test
    void givenValuesAreParsedAndOthersDefaulted() {
        Settings settings =
                Settings.resolve(OWNER, SPECS, Map.of("population", " 100 ", "affine", "TRUE"));
        assertThat(settings.getInt("population")).isEqualTo(100);
        assertThat(settings.getBoolean("affine")).isTrue();
        assertThat(settings.getDouble("learning-rate")).isEqualTo(0.025);
        assertThat(settings.asMap().keySet())
                .containsExactly("population", "learning-rate", "affine", "dataset");

        Settings numbers =
                Settings.resolve(OWNER, SPECS, Map.of("learning-rate", "1e-3", "dataset", "mnist"));
        assertThat(numbers.getDouble("learning-rate")).isEqualTo(1e-3);
        assertThat(numbers.getString("dataset")).isEqualTo("mnist");
    }

    @Test
    void unknownSettingListsTheValidOnes() {
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("popsize", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'popsize'")
                .hasMessageContaining(OWNER)
                .hasMessageContaining("population (integer, default 50)")
                .hasMessageContaining("learning-rate (number, default 0.025)")
                .hasMessageContaining("affine (boolean, default false)")
                .hasMessageContaining("dataset (string, default cifar10)");
        assertThatThrownBy(() -> Settings.resolve(OWNER, List.of(), Map.of("x", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(none)");
    }

    @Test
    void badlyTypedValuesNameTheSettingAndTheExpectedType() {
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("population", "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'population'")
                .hasMessageContaining(OWNER)
                .hasMessageContaining("'abc'")
                .hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("population", "2.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("learning-rate", "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'learning-rate'")
                .hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("affine", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'affine'")
                .hasMessageContaining("expected a boolean");
    }

    @Test
    void valuesBelowTheMinimumNameTheSettingAndTheBound() {
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("population", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'population'")
                .hasMessageContaining(OWNER)
                .hasMessageContaining("expected at least 1");
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("learning-rate", "-0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'learning-rate'")
                .hasMessageContaining("expected at least 0.0");
        assertThat(Settings.resolve(OWNER, SPECS, Map.of("population", "1")).getInt("population"))
                .isEqualTo(1);
    }

    @Test
    void notANumberIsRejected() {
        assertThatThrownBy(() -> Settings.resolve(OWNER, SPECS, Map.of("learning-rate", "NaN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'learning-rate'");
    }

    @Test
    void askingForAnUndeclaredSettingNamesIt() {
        Settings settings = Settings.defaults(OWNER, SPECS);
        assertThatThrownBy(() -> settings.getInt("epochs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'epochs'")
                .hasMessageContaining(OWNER);
    }

    @Test
    void aSettingThatMustBePositiveSaysSoRatherThanTheSmallestDouble() {
        List<SettingSpec> specs =
                List.of(SettingSpec.number("learning-rate", 0.05, Double.MIN_VALUE, "the rate"));

        assertThatThrownBy(() -> Settings.resolve(OWNER, specs, Map.of("learning-rate", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'learning-rate' of "
                                + OWNER
                                + " is -1; expected a positive number");
        assertThatThrownBy(() -> Settings.resolve(OWNER, specs, Map.of("learning-rate", "0")))
                .hasMessageEndingWith("expected a positive number");
    }

    @Test
    void anIntegerBeyond32BitsIsRejectedWhenParsed() {
        assertThatThrownBy(
                        () -> Settings.resolve(OWNER, SPECS, Map.of("population", "99999999999")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'population' of "
                                + OWNER
                                + " is 99999999999; expected at most 2147483647 (an integer)");
        assertThat(
                        Settings.resolve(OWNER, SPECS, Map.of("population", "2147483647"))
                                .getInt("population"))
                .isEqualTo(Integer.MAX_VALUE);
    }
}
