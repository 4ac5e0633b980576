package org.djlnas.runtime.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.store.SqliteExperimentStore;

/**
 * What is read from an experiment's journal to look back at its trials: its configuration, its
 * objectives (the primary one first) and its trials.
 *
 * @param config the configuration
 * @param objectives the objectives, the primary one first
 * @param trials the trials, in number order
 */
record JournalContents(
        ExperimentConfig config, List<Objective> objectives, List<TrialRecord> trials) {

    /**
     * Reads an experiment's journal.
     *
     * @param experiment the experiment folder
     * @return what it holds
     * @throws IllegalArgumentException if the folder holds no journal, or a journal of a search
     *     that never began
     */
    static JournalContents read(Path experiment) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(experiment)) {
            ExperimentConfig config =
                    ExperimentConfig.fromJson(
                            store.readConfig()
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            experiment
                                                                    + " holds no experiment"
                                                                    + " configuration; the search"
                                                                    + " never began")));
            Optional<String> primary = store.readMeta(SearchObjective.META_KEY);
            return new JournalContents(
                    config, SearchObjective.objectives(config, primary), store.trials());
        } catch (StoreException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
