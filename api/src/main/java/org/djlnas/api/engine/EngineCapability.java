package org.djlnas.api.engine;

/** What an engine can do for a search. */
public enum EngineCapability {
    /** Run a compiled block forward. */
    FORWARD,
    /** Train a compiled block (gradients and optimizers). */
    TRAIN,
    /** Compute gradients of architecture parameters in a supernet. */
    ARCHITECTURE_GRADIENTS,
    /** Write a trained network in the engine's own deployment format. */
    EXPORT
}
