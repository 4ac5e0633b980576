package org.djlnas.runtime.search;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.trial.Budget;

/**
 * The architecture that retraining, export and publishing work on: what an experiment found (its
 * space, settings, data set and seed), or an architecture given with its space.
 *
 * @param space the space's id
 * @param spaceSettings the space's settings as given: an experiment's, overridden by those given
 * @param architecture the architecture
 * @param dataset the data set, {@code KIND} or {@code KIND:LOCATION}
 * @param dataOptions the data set's options, by name
 * @param seed the seed
 * @param foundBy the configuration of the experiment that found the architecture, if any
 */
public record Candidate(
        String space,
        Map<String, String> spaceSettings,
        Architecture architecture,
        String dataset,
        Map<String, String> dataOptions,
        long seed,
        Optional<ExperimentConfig> foundBy) {

    /** Validates and copies the fields. */
    public Candidate {
        requireNonNull(space, "space is null");
        spaceSettings = Map.copyOf(spaceSettings);
        requireNonNull(architecture, "architecture is null");
        requireNonNull(dataset, "dataset is null");
        dataOptions = Map.copyOf(dataOptions);
        requireNonNull(foundBy, "foundBy is null");
    }

    /**
     * Reads what an experiment found.
     *
     * @param experiment the experiment folder (its {@code best.json})
     * @param space the space the caller expects, if any: it must be the experiment's
     * @param settings the space settings that override the experiment's, given the space's provider
     * @param plugins the spaces
     * @param dataset the data set, if not the experiment's
     * @param dataOptions data set options: with {@code dataset}, all of its options; without, those
     *     that override the experiment's
     * @param seed the seed, if not the experiment's
     * @return the candidate
     * @throws IOException if {@code best.json} cannot be read
     * @throws IllegalArgumentException if {@code space} is not the experiment's
     */
    public static Candidate found(
            Path experiment,
            Optional<String> space,
            Function<SearchSpaceProvider, Map<String, String>> settings,
            Plugins plugins,
            Optional<String> dataset,
            Map<String, String> dataOptions,
            OptionalLong seed)
            throws IOException {
        return found(
                Retraining.readFound(experiment),
                space,
                settings,
                plugins,
                dataset,
                dataOptions,
                seed);
    }

    /**
     * Takes what an experiment found, or a trial picked from it ({@link TrialPick#found}), as
     * {@link #found(Path, Optional, Function, Plugins, Optional, Map, OptionalLong)} reads it.
     *
     * @param found the architecture and the experiment's configuration
     * @param space the space the caller expects, if any: it must be the experiment's
     * @param settings the space settings that override the experiment's, given the space's provider
     * @param plugins the spaces
     * @param dataset the data set, if not the experiment's
     * @param dataOptions data set options: with {@code dataset}, all of its options; without, those
     *     that override the experiment's
     * @param seed the seed, if not the experiment's
     * @return the candidate
     * @throws IllegalArgumentException if {@code space} is not the experiment's
     */
    public static Candidate found(
            Retraining.Found found,
            Optional<String> space,
            Function<SearchSpaceProvider, Map<String, String>> settings,
            Plugins plugins,
            Optional<String> dataset,
            Map<String, String> dataOptions,
            OptionalLong seed) {
        ExperimentConfig config = found.config();
        if (space.isPresent() && !space.get().equals(config.space())) {
            throw new IllegalArgumentException(
                    "`space` is " + space.get() + " but the experiment searched " + config.space());
        }
        Map<String, String> merged = new LinkedHashMap<>(config.spaceSettings());
        merged.putAll(settings.apply(plugins.spaceProvider(config.space())));
        return new Candidate(
                config.space(),
                merged,
                found.architecture(),
                dataset.orElse(
                        config.dataset() != null ? config.dataset() : SearchSetup.FASHION_MNIST),
                dataset.isPresent() || config.dataset() == null
                        ? dataOptions
                        : merged(config.dataOptions(), dataOptions),
                seed.orElse(config.seed()),
                Optional.of(config));
    }

    /**
     * Reads what was retrained in a folder, to work on those weights.
     *
     * @param folder the folder {@link Retraining#run} wrote to
     * @param settings the space settings that override the recorded ones, given the space's
     *     provider
     * @param plugins the spaces
     * @param dataset the data set, if not the recorded one
     * @param dataOptions data set options: with {@code dataset}, all of its options; without, those
     *     that override the recorded ones
     * @return the candidate (its settings those recorded, in full, with the overrides)
     * @throws IOException if the folder's result cannot be read
     */
    public static Candidate retrained(
            Path folder,
            Function<SearchSpaceProvider, Map<String, String>> settings,
            Plugins plugins,
            Optional<String> dataset,
            Map<String, String> dataOptions)
            throws IOException {
        Retraining.Request recorded = Retraining.read(folder).request();
        Map<String, String> merged = new LinkedHashMap<>(recorded.spaceSettings());
        merged.putAll(settings.apply(plugins.spaceProvider(recorded.space())));
        return new Candidate(
                recorded.space(),
                merged,
                recorded.architecture(),
                dataset.orElse(recorded.dataset()),
                dataset.isPresent() ? dataOptions : merged(recorded.dataOptions(), dataOptions),
                recorded.seed(),
                Optional.empty());
    }

    /**
     * An architecture given with its space.
     *
     * @param space the space's id
     * @param spaceSettings the space's settings
     * @param architecture the architecture
     * @param dataset the data set, if not Fashion-MNIST
     * @param dataOptions the data set's options
     * @param seed the seed, if not 0
     * @return the candidate
     */
    public static Candidate given(
            String space,
            Map<String, String> spaceSettings,
            Architecture architecture,
            Optional<String> dataset,
            Map<String, String> dataOptions,
            OptionalLong seed) {
        return new Candidate(
                space,
                spaceSettings,
                architecture,
                dataset.orElse(SearchSetup.FASHION_MNIST),
                dataOptions,
                seed.orElse(0),
                Optional.empty());
    }

    /**
     * Returns the request to retrain this candidate.
     *
     * @param engine the engine to train on
     * @param budget the epochs and the cap on training examples
     * @return the request
     */
    public Retraining.Request retraining(String engine, Budget budget) {
        return new Retraining.Request(
                space, spaceSettings, architecture, dataset, dataOptions, engine, seed, budget);
    }

    private static Map<String, String> merged(
            Map<String, String> recorded, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(recorded);
        all.putAll(overrides);
        return all;
    }
}
