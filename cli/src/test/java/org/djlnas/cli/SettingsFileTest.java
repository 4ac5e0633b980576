package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.api.settings.SettingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    private static final List<SettingSpec> SPECS =
            List.of(
                    SettingSpec.integer("population", 10, 1, "members"),
                    SettingSpec.number("rate", 0.5, 0, "a rate"),
                    SettingSpec.bool("restart", true, "restarts"),
                    SettingSpec.string("order", "first", "an order"));

    @TempDir Path folder;

    private Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Map<String, String> merge(Path file, Map<String, String> commandLine) {
        return SettingsFile.merge(file, commandLine, "strategy 'test'", SPECS);
    }

    @Test
    void readsYamlAndJsonObjectsOfNumbersBooleansAndText() throws Exception {
        Map<String, String> expected =
                Map.of("population", "4", "rate", "0.25", "restart", "false", "order", "second");
        assertThat(
                        merge(
                                write(
                                        "s.yaml",
                                        "# a comment\npopulation: 4\nrate: 0.25\nrestart: false\n"
                                                + "order: second\n"),
                                Map.of()))
                .isEqualTo(expected);
        assertThat(
                        merge(
                                write(
                                        "s.yml",
                                        "{population: 4, rate: 0.25, restart: false, order:"
                                                + " second}"),
                                Map.of()))
                .isEqualTo(expected);
        assertThat(
                        merge(
                                write(
                                        "s.json",
                                        "{\"population\": 4, \"rate\": 0.25, \"restart\": false,"
                                                + " \"order\": \"second\"}"),
                                Map.of()))
                .isEqualTo(expected);
        assertThat(merge(write("empty.yaml", ""), Map.of())).isEmpty();
    }

    @Test
    void theCommandLineWinsOverTheFile() throws Exception {
        Path file = write("s.json", "{\"population\": 4, \"rate\": 0.25}");
        assertThat(merge(file, Map.of("population", "8", "order", "last")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("population", "8", "rate", "0.25", "order", "last"));
        assertThat(merge(null, Map.of("population", "8")))
                .containsExactly(Map.entry("population", "8"));
    }

    @Test
    void anUnknownSettingNamesTheFileAndListsTheValidOnes() throws Exception {
        Path file = write("s.yaml", "colour: blue\n");
        assertThatThrownBy(() -> merge(file, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'colour'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("valid settings: population (integer, default 10)");
    }

    @Test
    void aBadlyTypedValueNamesTheFileTheKeyAndTheExpectedType() throws Exception {
        Path fraction = write("s.yaml", "population: 2.5\n");
        assertThatThrownBy(() -> merge(fraction, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting 'population'")
                .hasMessageContaining(fraction.toString())
                .hasMessageContaining("expected an integer");
        Path word = write("s.json", "{\"restart\": \"yes\"}");
        assertThatThrownBy(() -> merge(word, Map.of("restart", "true")))
                .hasMessageContaining("setting 'restart'")
                .hasMessageContaining(word.toString())
                .hasMessageContaining("expected a boolean");
        Path small = write("small.json", "{\"population\": 0}");
        assertThatThrownBy(() -> merge(small, Map.of()))
                .hasMessageContaining("setting 'population'")
                .hasMessageContaining("expected at least 1");
    }

    @Test
    void nestedValuesAreRejectedWithTheFileAndKey() throws Exception {
        Path list = write("s.yaml", "population:\n  - 1\n  - 2\n");
        assertThatThrownBy(() -> merge(list, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'population' in settings file "
                                + list
                                + " is an array; expected a number, a boolean or a string");
        Path object = write("s.json", "{\"rate\": {\"value\": 1}}");
        assertThatThrownBy(() -> merge(object, Map.of()))
                .hasMessageContaining("setting 'rate'")
                .hasMessageContaining("is an object");
        Path nothing = write("null.json", "{\"rate\": null}");
        assertThatThrownBy(() -> merge(nothing, Map.of()))
                .hasMessageContaining("setting 'rate'")
                .hasMessageContaining("is null");
    }

    @Test
    void missingUnparsableAndNonObjectFilesAreClearErrors() throws Exception {
        Path missing = folder.resolve("missing.yaml");
        assertThatThrownBy(() -> merge(missing, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("settings file " + missing + " does not exist");
        Path broken = write("broken.json", "{\"population\": 4,,}");
        assertThatThrownBy(() -> merge(broken, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("settings file " + broken + " does not parse: ")
                .hasMessageContaining("line 1")
                .message()
                .doesNotContain("\n");
        Path badYaml = write("broken.yaml", "population: [4\nrate: 1\n");
        assertThatThrownBy(() -> merge(badYaml, Map.of()))
                .hasMessageStartingWith("settings file " + badYaml + " does not parse: ")
                .message()
                .doesNotContain("\n");
        Path twice = write("twice.yaml", "population: 4\npopulation: 5\n");
        assertThatThrownBy(() -> merge(twice, Map.of()))
                .hasMessageContaining(twice + " does not parse")
                .hasMessageContaining("population");
        Path list = write("list.json", "[1, 2]");
        assertThatThrownBy(() -> merge(list, Map.of()))
                .hasMessage(
                        "settings file "
                                + list
                                + " holds an array; expected an object of setting name → value");
        Path text = write("s.txt", "population=4");
        assertThatThrownBy(() -> merge(text, Map.of()))
                .hasMessageContaining(text.toString())
                .hasMessageContaining(".json")
                .hasMessageContaining(".yaml");
    }
}
