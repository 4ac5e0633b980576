package org.djlnas.cli;

import org.djlnas.api.engine.EngineSelector;

/**
 * The engines the command line sees. It ships several engine modules, so when none is named ({@code
 * --engine}, {@code -Dnas.engine}, {@code ai.djl.default_engine}, {@code DJL_DEFAULT_ENGINE}) it
 * trains on PyTorch, the engine its defaults were measured on.
 */
final class Engines {

    /** The engine used when several are present and none is named. */
    static final String FALLBACK = "PyTorch";

    private Engines() {}

    /**
     * Returns the selector every command uses.
     *
     * @return the engines on the class path, falling back to {@value #FALLBACK}
     */
    static EngineSelector selector() {
        return EngineSelector.discover().withFallback(FALLBACK);
    }
}
