package org.djlnas.api.engine;

import java.util.Set;

/**
 * An engine found on the class path.
 *
 * @param name the DJL engine name
 * @param version the engine's version, as DJL reports it
 * @param capabilities what it can do
 */
public record EngineInfo(String name, String version, Set<EngineCapability> capabilities) {}
