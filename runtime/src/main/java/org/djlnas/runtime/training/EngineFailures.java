package org.djlnas.runtime.training;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.util.Locale;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialPrunedException;

/**
 * Turns running out of memory, in the JVM or in the engine's native code, into a failed trial, so
 * that a search goes on with the next one. Other engine errors pass through unchanged.
 */
final class EngineFailures {

    private EngineFailures() {}

    /** Work on one trial. */
    @FunctionalInterface
    interface TrialWork<T> {
        T run() throws TrialFailedException, TrialPrunedException, IOException;
    }

    /**
     * Runs the work, failing the trial if memory runs out.
     *
     * @param work the work
     * @param <T> what the work gives
     * @return what it gave
     * @throws TrialFailedException if the work failed the trial or memory ran out
     * @throws TrialPrunedException if the work stopped the trial early
     * @throws IOException if the work could not read or write
     */
    static <T> T failingTrialsOutOfMemory(TrialWork<T> work)
            throws TrialFailedException, TrialPrunedException, IOException {
        try {
            return work.run();
        } catch (OutOfMemoryError e) {
            throw new TrialFailedException("out of memory: " + e.getMessage());
        } catch (EngineException e) {
            String message = String.valueOf(e.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("out of memory") || lower.contains("can't allocate memory")) {
                throw new TrialFailedException("out of memory: " + message);
            }
            throw e;
        }
    }
}
