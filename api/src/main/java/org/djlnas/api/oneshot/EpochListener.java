package org.djlnas.api.oneshot;

/** Hears of each finished epoch of a one-shot search, after its checkpoint is written. */
@FunctionalInterface
public interface EpochListener {

    /**
     * Called once per finished epoch.
     *
     * @param record the epoch's record
     */
    void onEpoch(EpochRecord record);
}
