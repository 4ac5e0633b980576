package org.djlnas.api.oneshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-shot search: trains a supernet and derives an architecture from it. It checkpoints after
 * every epoch into a folder of its own and, given that folder again, continues from the last
 * checkpoint.
 */
public interface OneShotStrategy {

    /**
     * Runs the search to its end, continuing from the checkpoint in {@code checkpoints} if one is
     * there.
     *
     * @param data the examples of the weight and architecture steps
     * @param checkpoints the folder for checkpoints (created if needed)
     * @param journaled the records of epochs already journaled, to continue the history with
     * @param listener hears of each newly finished epoch
     * @return the derived architecture and the history
     * @throws IOException if data or checkpoints cannot be read or written
     */
    OneShotResult search(
            OneShotData data, Path checkpoints, List<EpochRecord> journaled, EpochListener listener)
            throws IOException;
}
