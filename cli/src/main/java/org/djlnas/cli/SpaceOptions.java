package org.djlnas.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.runtime.search.Plugins;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that choose and configure a search space ({@code --space}, {@code --space-opt},
 * {@code --space-settings}, {@code --classes}), shared by the commands that work on one space.
 */
final class SpaceOptions {

    /** The space setting that {@code --classes} sets. */
    static final String CLASSES = "classes";

    /** The space setting that the channels of {@code --input} set, when the space has it. */
    static final String INPUT_CHANNELS = "input-channels";

    @Option(
            names = "--space",
            paramLabel = "ID",
            description = "The search space (see 'nas spaces').")
    private String id = "";

    @Option(
            names = "--space-opt",
            paramLabel = "KEY=VALUE",
            description = "A setting of the space (see 'nas spaces'); repeatable.")
    private Map<String, String> given = new LinkedHashMap<>();

    @Option(
            names = "--space-settings",
            paramLabel = "FILE",
            description =
                    "Space settings from a JSON (.json) or YAML (.yaml, .yml) object of name →"
                            + " value; --space-opt and --classes win over it.")
    private @Nullable Path settingsFile;

    @Option(
            names = "--classes",
            paramLabel = "K",
            description = "Number of output classes: short for --space-opt classes=K.")
    private @Nullable Integer classes;

    /**
     * Returns the id of the chosen space.
     *
     * @return the id
     */
    String id() {
        if (id.isEmpty()) {
            throw new IllegalArgumentException(
                    "missing --space ID; 'nas spaces' lists the search spaces");
        }
        return id;
    }

    /**
     * Returns the id of the chosen space, if {@code --space} was given.
     *
     * @return the id
     */
    Optional<String> givenId() {
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * Creates the chosen space with the given settings.
     *
     * @param plugins the registry
     * @param inputChannels the channels of the input, passed as the {@code input-channels} setting
     *     if the space declares it
     * @return the space
     * @throws IllegalArgumentException if the space is unknown or a setting is unknown, malformed
     *     or given twice with different values
     */
    SearchSpace create(Plugins plugins, OptionalInt inputChannels) {
        SearchSpaceProvider provider = plugins.spaceProvider(id());
        Map<String, String> settings = settings(provider);
        if (inputChannels.isPresent() && declares(provider, INPUT_CHANNELS)) {
            put(settings, INPUT_CHANNELS, Integer.toString(inputChannels.getAsInt()), "--input");
        }
        String owner = "space '" + id() + "'";
        return provider.create(
                Settings.resolve(owner, provider.settings(), settings), plugins.operations());
    }

    /**
     * Returns the space settings given on the command line: those of {@code --space-settings FILE},
     * overridden by {@code --space-opt} and {@code --classes}.
     *
     * @param provider the chosen space's provider
     * @return the settings by name
     * @throws IllegalArgumentException if a setting is given twice on the command line with
     *     different values, or the settings file is missing, malformed or names an unknown or badly
     *     typed setting
     */
    Map<String, String> settings(SearchSpaceProvider provider) {
        Map<String, String> commandLine = new LinkedHashMap<>(given);
        if (classes != null) {
            put(commandLine, CLASSES, Integer.toString(classes), "--classes");
        }
        return SettingsFile.merge(
                settingsFile, commandLine, "space '" + provider.id() + "'", provider.settings());
    }

    /**
     * Tells whether any space option was given.
     *
     * @return true if {@code --space-opt}, {@code --space-settings} or {@code --classes} was given
     */
    boolean anyGiven() {
        return !given.isEmpty() || settingsFile != null || classes != null;
    }

    private static void put(Map<String, String> settings, String name, String value, String from) {
        String previous = settings.putIfAbsent(name, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalArgumentException(
                    from
                            + " gives setting '"
                            + name
                            + "' = "
                            + value
                            + " but --space-opt gives "
                            + previous
                            + "; give one value");
        }
    }

    private static boolean declares(SearchSpaceProvider provider, String setting) {
        return provider.settings().stream().map(SettingSpec::name).anyMatch(setting::equals);
    }
}
