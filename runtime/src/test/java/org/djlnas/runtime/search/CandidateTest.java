package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.trial.Budget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What retraining, export and publishing work on: what a search found, or an architecture given.
 */
class CandidateTest {

    private static final Plugins PLUGINS = Plugins.discover();

    @TempDir static Path folder;

    private static Path experiment;
    private static Architecture best;

    @BeforeAll
    static void searchATable() throws Exception {
        experiment = folder.resolve("exp");
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("random")
                        .optBenchmark("nas-bench-201-cifar10")
                        .optSeed(7)
                        .optTrials(3)
                        .build();
        try (SearchSession session = SearchSession.create(experiment, config, PLUGINS)) {
            best = session.run(List.of()).best().orElseThrow().trial().spec().architecture();
        }
    }

    @Test
    void whatASearchFoundKeepsItsSpaceSettingsAndSeedUnlessGivenOthers() throws Exception {
        Candidate found =
                Candidate.found(
                        experiment,
                        Optional.empty(),
                        provider -> Map.of("classes", "3"),
                        PLUGINS,
                        Optional.empty(),
                        Map.of(),
                        OptionalLong.empty());

        assertThat(found.space()).isEqualTo("nas-bench-201");
        assertThat(found.architecture()).isEqualTo(best);
        assertThat(found.spaceSettings()).containsEntry("classes", "3");
        assertThat(found.seed()).isEqualTo(7);
        assertThat(found.dataset()).isEqualTo(SearchSetup.FASHION_MNIST);
        assertThat(found.foundBy().orElseThrow().strategy()).isEqualTo("random");
        Retraining.Request request = found.retraining("PyTorch", new Budget(1, 500));
        assertThat(request.seed()).isEqualTo(7);
        assertThat(request.budget().maxTrainExamples()).isEqualTo(500);

        Candidate reseeded =
                Candidate.found(
                        experiment,
                        Optional.of("nas-bench-201"),
                        provider -> Map.of(),
                        PLUGINS,
                        Optional.of("fashion-mnist:some/folder"),
                        Map.of(),
                        OptionalLong.of(3));
        assertThat(reseeded.seed()).isEqualTo(3);
        assertThat(reseeded.dataset()).isEqualTo("fashion-mnist:some/folder");
    }

    @Test
    void anotherSpaceThanTheExperimentsIsNamedByItsField() {
        assertThatThrownBy(
                        () ->
                                Candidate.found(
                                        experiment,
                                        Optional.of("darts"),
                                        provider -> Map.of(),
                                        PLUGINS,
                                        Optional.empty(),
                                        Map.of(),
                                        OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`space` is darts but the experiment searched nas-bench-201");
    }

    @Test
    void aGivenArchitectureHasNoExperimentAndDefaults() {
        Candidate given =
                Candidate.given(
                        "nas-bench-201",
                        Map.of(),
                        best,
                        Optional.empty(),
                        Map.of(),
                        OptionalLong.empty());

        assertThat(given.foundBy()).isEmpty();
        assertThat(given.seed()).isZero();
        assertThat(given.dataset()).isEqualTo(SearchSetup.FASHION_MNIST);
    }
}
