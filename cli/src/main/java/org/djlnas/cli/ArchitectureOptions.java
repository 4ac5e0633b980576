package org.djlnas.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.search.TrialPick;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that name the architecture a command works on ({@code --experiment}, with {@code
 * --trial} or {@code --pick} to choose another of its trials than the best, or {@code --arch}),
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

    @Option(
            names = "--trial",
            paramLabel = "N",
            description = "With --experiment: use trial N instead of the best (see 'nas trials').")
    private @Nullable Integer trial;

    @Option(
            names = "--pick",
            paramLabel = "METRIC<=LIMIT",
            description =
                    "With --experiment: use the best trial on the first objective among those on"
                            + " the Pareto front that keep this condition (METRIC<=LIMIT or"
                            + " METRIC>=LIMIT, e.g. params<=100000); repeatable.")
    private List<String> pick = new ArrayList<>();

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
        if (experiment == null && (trial != null || !pick.isEmpty())) {
            throw new IllegalArgumentException(
                    (trial != null ? "--trial" : "--pick")
                            + " chooses among the trials of --experiment DIR; give it with"
                            + " --experiment, not --arch");
        }
        if (trial != null && !pick.isEmpty()) {
            throw new IllegalArgumentException("give --trial N or --pick METRIC<=LIMIT, not both");
        }
    }

    /**
     * Returns the trial chosen with {@code --trial} or {@code --pick}, if either was given.
     *
     * @return the trial and its experiment's configuration
     */
    Optional<TrialPick> picked() {
        if (experiment == null) {
            return Optional.empty();
        }
        if (trial != null) {
            return Optional.of(TrialPick.byNumber(experiment, trial));
        }
        if (!pick.isEmpty()) {
            return Optional.of(TrialPick.onFront(experiment, pick));
        }
        return Optional.empty();
    }

    /**
     * Returns where the final weights of the experiment's architecture are kept: the experiment's
     * {@code retrain} folder for its best architecture, {@code retrain-trial-N} for another trial
     * chosen with {@code --trial} or {@code --pick}.
     *
     * @return the folder, if {@code --experiment} was given
     * @throws IOException if the experiment's best.json cannot be read
     */
    Optional<Path> retrainFolder() throws IOException {
        if (experiment == null) {
            return Optional.empty();
        }
        Optional<TrialPick> chosen = picked();
        if (chosen.isEmpty()
                || chosen.get()
                        .trial()
                        .spec()
                        .architecture()
                        .equals(Retraining.readFound(experiment).architecture())) {
            return Optional.of(Retraining.folderOf(experiment));
        }
        return Optional.of(experiment.resolve("retrain-trial-" + chosen.get().trial().number()));
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
            Optional<TrialPick> chosen = picked();
            return Candidate.found(
                    chosen.isPresent() ? chosen.get().found() : Retraining.readFound(experiment),
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
