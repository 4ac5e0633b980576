package org.djlnas.cli;

import org.djlnas.api.engine.EngineSelector;
import org.djlnas.runtime.search.Plugins;

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
     * @param plugins the registry, with the engine modules on the class path
     * @return its engines, falling back to {@value #FALLBACK}
     */
    static EngineSelector selector(Plugins plugins) {
        return plugins.engines().withFallback(FALLBACK);
    }
}
