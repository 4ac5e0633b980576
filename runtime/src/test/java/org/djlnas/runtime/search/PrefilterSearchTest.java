package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search whose candidates are prefiltered by synflow (3 per trial) and scored by the zero-cost
 * evaluator: the same seed gives the same trials uninterrupted, resumed, and two at a time.
 */
@Tag("integration")
class PrefilterSearchTest {

    private static final Plugins PLUGINS = Plugins.discover();

    @TempDir Path folder;

    @BeforeAll
    static void requireData() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
    }

    private static ExperimentConfig config(int trials, int parallel) {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .optSpaceSettings(Map.of("channels", "8", "cells", "1"))
                .setStrategy("regularized-evolution")
                .optDataset(SearchSetup.FASHION_MNIST)
                .optEvaluator("zero-cost")
                .optEvaluatorSettings(Map.of("proxy", "params"))
                .optPrefilter("synflow", 3)
                .optEngine(TestEngine.name())
                .optSeed(4)
                .optTrials(trials)
                .optParallel(parallel)
                .optExecutor(ExperimentConfig.THREADS)
                .build();
    }

    private static List<String> architectures(List<TrialRecord> trials) {
        assertThat(trials).allMatch(t -> t.state() == TrialState.DONE);
        return trials.stream().map(t -> t.spec().architecture().id()).toList();
    }

    private static List<String> search(Path folder, int parallel) throws Exception {
        try (SearchSession session = SearchSession.create(folder, config(6, parallel), PLUGINS)) {
            return architectures(session.run(List.of()).result().trials());
        }
    }

    private static List<String> searchResumed(Path folder, int parallel) throws Exception {
        try (SearchSession session = SearchSession.create(folder, config(3, parallel), PLUGINS)) {
            session.run(List.of());
        }
        try (SearchSession session =
                SearchSession.resume(folder, OptionalInt.of(6), Optional.empty(), PLUGINS)) {
            return architectures(session.run(List.of()).result().trials());
        }
    }

    @Test
    void theSameSeedTrainsTheSameArchitecturesResumedOrNot() throws Exception {
        List<String> uninterrupted = search(folder.resolve("whole"), 1);
        assertThat(uninterrupted).hasSize(6).doesNotHaveDuplicates();
        assertThat(searchResumed(folder.resolve("resumed"), 1)).isEqualTo(uninterrupted);
        // Two at a time, the strategy learns of its trials later (README, Reproducibility), but
        // the same parallelism proposes the same trials, resumed or not.
        List<String> twoAtATime = search(folder.resolve("parallel"), 2);
        assertThat(searchResumed(folder.resolve("parallel-resumed"), 2)).isEqualTo(twoAtATime);
    }

    @Test
    void badPrefilterSettingsAreOneLineErrors() {
        assertThatThrownBy(() -> config(6, 1).toBuilder().optPrefilter("zen", 3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`prefilter` 'zen' is not a zero-cost proxy; expected one of synflow,"
                                + " snip, grad-norm, jacov, naswot, params, flops");
        assertThatThrownBy(() -> config(6, 1).toBuilder().optPrefilter("synflow", 0).build())
                .hasMessage("`prefilterCandidates` is 0; expected at least 1");
        assertThatThrownBy(() -> config(6, 1).toBuilder().optPrefilter(null, 4).build())
                .hasMessageStartingWith("`prefilterCandidates` is given but no `prefilter`");
    }
}
