package org.djlnas.api.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The resolved, typed settings of one component: every declared setting with its given or default
 * value. Unknown names and badly typed values are rejected when resolving, with a message that
 * lists the valid settings.
 */
public final class Settings {

    private final String owner;
    private final Map<String, Object> values;

    private Settings(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Resolves given settings against their declarations.
     *
     * @param owner what the settings belong to, for messages (for example {@code space 'darts'})
     * @param specs the declared settings
     * @param given the given settings as text, by name
     * @return the typed settings, defaults filled in
     * @throws IllegalArgumentException if a name is unknown or a value does not parse
     */
    public static Settings resolve(
            String owner, List<SettingSpec> specs, Map<String, String> given) {
        Map<String, SettingSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(
                        "unknown setting '"
                                + name
                                + "' for "
                                + owner
                                + "; valid settings: "
                                + describe(specs));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (SettingSpec spec : specs) {
            String text = given.get(spec.name());
            values.put(spec.name(), text == null ? spec.defaultValue() : spec.parse(owner, text));
        }
        return new Settings(owner, values);
    }

    /**
     * Resolves settings to their defaults.
     *
     * @param owner what the settings belong to
     * @param specs the declared settings
     * @return the default settings
     */
    public static Settings defaults(String owner, List<SettingSpec> specs) {
        return resolve(owner, specs, Map.of());
    }

    /**
     * Describes settings for people: {@code name (type, default D)}, comma-separated.
     *
     * @param specs the settings
     * @return the description
     */
    public static String describe(List<SettingSpec> specs) {
        if (specs.isEmpty()) {
            return "(none)";
        }
        return specs.stream()
                .map(
                        s ->
                                s.name()
                                        + " ("
                                        + s.type().describe()
                                        + ", default "
                                        + s.defaultValue()
                                        + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Returns an integer setting.
     *
     * @param name the name
     * @return its value
     */
    public int getInt(String name) {
        long value = (Long) require(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "setting '"
                            + name
                            + "' of "
                            + owner
                            + " is "
                            + value
                            + "; expected an integer"
                            + " that fits in 32 bits");
        }
        return (int) value;
    }

    /**
     * Returns a floating-point setting.
     *
     * @param name the name
     * @return its value
     */
    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /**
     * Returns a boolean setting.
     *
     * @param name the name
     * @return its value
     */
    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /**
     * Returns a text setting.
     *
     * @param name the name
     * @return its value
     */
    public String getString(String name) {
        return String.valueOf(require(name));
    }

    /**
     * Returns every setting by name, in declaration order.
     *
     * @return the values
     */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(owner + " has no setting '" + name + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return owner + " " + values;
    }
}
