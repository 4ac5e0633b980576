package org.djlnas.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.Plugins;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that name the architecture a command works on ({@code --experiment}, {@code --arch}),
 * shared by {@code nas retrain}, {@code nas export} and {@code nas publish}.
 */
final class ArchitectureOptions {

    @Option(
            names = "--experiment",
            paramLabel = "DIR",
            description = "Use the architecture a search found: DIR/best.json.")
    private @Nullable Path experiment;

    @Option(
            names = "--arch",
            paramLabel = "FILE|JSON",
            description = "The architecture: a JSON file, or the JSON itself (with --space).")
    private @Nullable String arch;

    /**
     * Checks that exactly one of {@code --experiment} and {@code --arch} was given.
     *
     * @param purpose what the command does with an experiment's architecture, such as "retrain"
     * @param withArch what {@code --arch} needs besides, such as "--space ID"
     * @throws IllegalArgumentException if both or neither were given
     */
    void requireOne(String purpose, String withArch) {
        if ((experiment == null) == (arch == null)) {
            throw new IllegalArgumentException(
                    "give --experiment DIR ("
                            + purpose
                            + " what a search found) or --arch FILE|JSON with "
                            + withArch
                            + ", exactly one of them");
        }
    }

    /**
     * Returns the experiment folder, if {@code --experiment} was given.
     *
     * @return the folder
     */
    Optional<Path> experiment() {
        return Optional.ofNullable(experiment);
    }

    /**
     * Returns the chosen architecture: what the experiment found, or the one given with its space.
     * Call {@link #requireOne} first.
     *
     * @param plugins the spaces
     * @param space the space options ({@code --space-opt} overrides an experiment's settings)
     * @param dataset the data set, if given
     * @param dataOptions the data set's options given
     * @param seed the seed, if given
     * @return the candidate
     * @throws IOException if the experiment cannot be read
     */
    Candidate candidate(
            Plugins plugins,
            SpaceOptions space,
            Optional<String> dataset,
            Map<String, String> dataOptions,
            OptionalLong seed)
            throws IOException {
        if (experiment != null) {
            return Candidate.found(
                    experiment,
                    space.givenId(),
                    space::settings,
                    plugins,
                    dataset,
                    dataOptions,
                    seed);
        }
        String spaceId = space.id();
        return Candidate.given(
                spaceId,
                space.settings(plugins.spaceProvider(spaceId)),
                ArchitectureReader.read(requireNonNull(arch, "arch is null")),
                dataset,
                dataOptions,
                seed);
    }
}
