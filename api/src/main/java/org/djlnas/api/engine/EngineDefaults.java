package org.djlnas.api.engine;

/**
 * System properties every engine module sets before its engine loads, each only when the user has
 * not set it (as a system property or an environment variable of the same name).
 */
public final class EngineDefaults {

    private EngineDefaults() {}

    /**
     * Turns on DJL's offline mode ({@code ai.djl.offline}: fail rather than download anything) and
     * turns off its start-up telemetry call ({@code OPT_OUT_TRACKING}), unless already set.
     */
    public static void offlineWithoutTelemetry() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    /**
     * Sets a system property unless it is set already, as a property or an environment variable.
     *
     * @param property the property's name
     * @param value the value to give it
     */
    public static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null && System.getenv(property) == null) {
            System.setProperty(property, value);
        }
    }
}
