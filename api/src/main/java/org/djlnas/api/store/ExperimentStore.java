package org.djlnas.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.jspecify.annotations.Nullable;

/**
 * The journal of an experiment: its configuration and every trial it proposed. Each write is one
 * transaction, so a killed process leaves the journal as it was after its last completed write.
 */
public interface ExperimentStore extends AutoCloseable {

    /**
     * Returns the experiment's configuration (JSON), if it has been written.
     *
     * @return the configuration
     * @throws StoreException on storage errors
     */
    Optional<String> readConfig();

    /**
     * Writes the experiment's configuration (JSON) once, when the experiment is created.
     *
     * @param json the configuration
     * @throws StoreException on storage errors, or if a configuration is already written
     */
    void writeConfig(String json);

    /**
     * Journals a proposed trial as pending.
     *
     * @param spec the trial
     * @throws StoreException on storage errors, or if the number is taken
     */
    void recordProposed(TrialSpec spec);

    /**
     * Marks a trial as running (again, after a crash), clearing any earlier end.
     *
     * @param number the trial
     * @param startedAt when it started
     */
    void markRunning(int number, Instant startedAt);

    /**
     * Journals a trial's end.
     *
     * @param number the trial
     * @param state {@code DONE}, {@code FAILED} or {@code PRUNED}
     * @param metrics its metrics
     * @param error why it failed, or null
     * @param endedAt when it ended
     */
    void recordFinished(
            int number,
            TrialState state,
            Map<String, Double> metrics,
            @Nullable String error,
            Instant endedAt);

    /**
     * Returns every journaled trial, by number.
     *
     * @return the trials
     */
    List<TrialRecord> trials();

    /**
     * Journals an objective a trial reported after a step (an epoch), replacing an earlier report
     * of the same trial and step.
     *
     * @param trial the trial's number
     * @param step the step
     * @param value the objective's value
     */
    void recordReport(int trial, int step, double value);

    /**
     * Reads every journaled report, by trial and step.
     *
     * @return the reports
     */
    List<IntermediateValue> reports();

    /**
     * Journals the end of one epoch of a one-shot search, replacing an earlier record of the same
     * epoch (an epoch redone after a crash).
     *
     * @param record the epoch's record
     * @throws StoreException on storage errors
     */
    void recordEpoch(EpochRecord record);

    /**
     * Returns every journaled epoch of a one-shot search, in order.
     *
     * @return the epochs
     */
    List<EpochRecord> epochs();

    /** Closes the store. */
    @Override
    void close();
}
