package org.djlnas.runtime.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.Budget;

/**
 * The last step of a search worth showing: what the search found and, if asked, a fixed baseline
 * network (such as {@code small-cnn}), each trained from scratch the same way (the same data,
 * split, seed, recipe and budget), and both measured on the test set. The found network is written
 * to {@code retrain/} in the experiment folder, as {@code nas retrain} writes it, and the baseline
 * to {@code baseline/}.
 */
public final class BaselineComparison {

    /** The folder, inside the experiment, the baseline is trained into. */
    public static final String BASELINE_FOLDER = "baseline";

    private BaselineComparison() {}

    /**
     * Both networks, retrained and tested.
     *
     * @param found what the search found
     * @param baseline the baseline, if one was asked for
     */
    public record Result(Retraining.Report found, Optional<Retraining.Report> baseline) {}

    /**
     * Checks, before a search starts, that a baseline space can be compared: it exists and holds
     * exactly one architecture.
     *
     * @param baselineSpace the baseline's space id
     * @param plugins the spaces
     * @throws IllegalArgumentException naming {@code baseline} if the space is unknown or has
     *     choices
     */
    public static void check(String baselineSpace, Plugins plugins) {
        baselineArchitecture(baselineSpace, plugins);
    }

    /**
     * Retrains what a finished search found (its {@code best.json}) and the baseline, then tests
     * both.
     *
     * @param experiment the experiment folder
     * @param budget the epochs and the cap on training examples (0 for the whole training split) of
     *     both
     * @param baselineSpace the id of a space with one architecture, for example {@code small-cnn},
     *     or empty to retrain only what the search found
     * @param plugins the spaces and data sources
     * @return both reports
     * @throws IOException if the experiment or the data cannot be read, or weights written
     * @throws TrialFailedException if training fails (for example a non-finite loss)
     * @throws IllegalArgumentException if the baseline space is unknown or has choices
     */
    public static Result run(
            Path experiment, Budget budget, Optional<String> baselineSpace, Plugins plugins)
            throws IOException, TrialFailedException {
        Candidate found =
                Candidate.found(
                        experiment,
                        Optional.empty(),
                        provider -> Map.of(),
                        plugins,
                        Optional.empty(),
                        Map.of(),
                        OptionalLong.empty());
        String engine =
                found.foundBy()
                        .map(ExperimentConfig::engine)
                        .orElseGet(
                                () ->
                                        plugins.engines()
                                                .select(Optional.empty(), EngineCapability.TRAIN)
                                                .getEngineName());
        Retraining.Request foundRequest = found.retraining(engine, budget);
        Optional<Retraining.Request> baselineRequest =
                baselineSpace.map(
                        id ->
                                Candidate.given(
                                                id,
                                                Map.of(),
                                                baselineArchitecture(id, plugins),
                                                Optional.of(found.dataset()),
                                                found.dataOptions(),
                                                OptionalLong.of(found.seed()))
                                        .retraining(engine, budget));
        Retraining.check(foundRequest, plugins);
        if (baselineRequest.isPresent()) {
            Retraining.check(baselineRequest.get(), plugins);
        }
        Retraining.Report foundReport =
                Retraining.run(foundRequest, plugins, Retraining.folderOf(experiment));
        Optional<Retraining.Report> baselineReport = Optional.empty();
        if (baselineRequest.isPresent()) {
            baselineReport =
                    Optional.of(
                            Retraining.run(
                                    baselineRequest.get(),
                                    plugins,
                                    experiment.resolve(BASELINE_FOLDER)));
        }
        return new Result(foundReport, baselineReport);
    }

    private static Architecture baselineArchitecture(String baselineSpace, Plugins plugins) {
        SearchSpace space;
        try {
            space = plugins.space(baselineSpace, Map.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`baseline`: " + e.getMessage(), e);
        }
        Iterator<Architecture> architectures = space.enumerate();
        Architecture only = architectures.next();
        if (architectures.hasNext()) {
            throw new IllegalArgumentException(
                    "`baseline` is "
                            + baselineSpace
                            + ", a space with choices; expected a space of one fixed network,"
                            + " such as small-cnn or linear");
        }
        return only;
    }
}
