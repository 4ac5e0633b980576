package org.djlnas.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    /** A provider of a kind; two classes so that a clash can name both. */
    private interface Named extends Supplier<String> {}

    private record First(String get) implements Named {}

    private record Second(String get) implements Named {}

    @Test
    void keysProvidersByIdInTheOrderFound() {
        assertThat(
                        Discovery.byId(
                                        "widget",
                                        List.of(new First("b-2"), new Second("a")),
                                        Named::get)
                                .keySet())
                .containsExactly("b-2", "a");
    }

    @Test
    void twoProvidersWithOneIdAreAnErrorNamingTheIdAndBothClasses() {
        assertThatThrownBy(
                        () ->
                                Discovery.byId(
                                        "widget",
                                        List.of(new First("same"), new Second("same")),
                                        Named::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "two widget providers use the id 'same': "
                                + First.class.getName()
                                + " and "
                                + Second.class.getName());
    }

    @Test
    void anIdThatIsNotKebabCaseIsAnErrorNamingItsClass() {
        for (String bad :
                List.of("Hill-Climbing", "hill_climbing", "-hill", "hill--climbing", "")) {
            assertThatThrownBy(() -> Discovery.byId("widget", List.of(new First(bad)), Named::get))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("widget id '" + bad + "'")
                    .hasMessageContaining(First.class.getName())
                    .hasMessageContaining("kebab-case");
        }
    }

    @Test
    void namesNeedNotBeKebabCaseButMustNotClash() {
        assertThat(Discovery.byName("engine", List.of(new First("PyTorch")), Named::get))
                .containsOnlyKeys("PyTorch");
        assertThatThrownBy(
                        () ->
                                Discovery.byName(
                                        "engine",
                                        List.of(new First("MXNet"), new Second("MXNet")),
                                        Named::get))
                .hasMessageContaining("'MXNet'")
                .hasMessageContaining(Second.class.getName());
    }
}
