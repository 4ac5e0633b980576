package org.djlnas.api.oneshot;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;

/**
 * The outcome of a one-shot search.
 *
 * @param architecture the derived architecture
 * @param history every epoch's record, the resumed ones included
 * @param stopReason why the search stopped before its last epoch (a collapse guard), if it did
 */
public record OneShotResult(
        Architecture architecture, List<EpochRecord> history, Optional<String> stopReason) {

    /** Validates and copies the fields. */
    public OneShotResult {
        requireNonNull(architecture, "architecture is null");
        history = List.copyOf(history);
        requireNonNull(stopReason, "stopReason is null");
    }
}
