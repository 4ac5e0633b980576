package org.djlnas.strategies.oneshot;

import static java.util.Objects.requireNonNull;

import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.supernet.OneShotSpace;

/**
 * One task of meta-training: a data set and the space built for it (its input channels and
 * classes). Every task's space must have the same cells.
 *
 * @param name the task's name, for logs and the manifest (its data set)
 * @param space the space, with the task's input and output settings
 * @param data the task's two halves: weight steps and architecture steps
 */
public record ReptileTask(String name, OneShotSpace space, OneShotData data) {

    /** Validates the fields. */
    public ReptileTask {
        requireNonNull(name, "name is null");
        requireNonNull(space, "space is null");
        requireNonNull(data, "data is null");
    }
}
