package org.djlnas.api.settings;

import java.util.Locale;

/**
 * One typed setting of a configurable component (a space, a strategy, an evaluator): its name,
 * type, default value and meaning.
 *
 * @param name the setting's kebab-case name
 * @param type how its text is parsed
 * @param defaultValue the value used when the setting is not given
 * @param minimum the smallest allowed value of a numeric setting ({@code -Infinity} for none); an
 *     integer setting is also at most {@link Integer#MAX_VALUE}, and a number setting whose minimum
 *     is {@link Double#MIN_VALUE} takes positive numbers
 * @param description what the setting means, for people
 */
public record SettingSpec(
        String name, Type type, Object defaultValue, double minimum, String description) {

    /** How a setting's text is parsed. */
    public enum Type {
        /** A whole number. */
        INTEGER,
        /** A floating-point number. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** Any text. */
        STRING;

        String describe() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Declares an integer setting.
     *
     * @param name the name
     * @param defaultValue the default
     * @param minimum the smallest allowed value
     * @param description what it means
     * @return the spec
     */
    public static SettingSpec integer(
            String name, long defaultValue, long minimum, String description) {
        return new SettingSpec(name, Type.INTEGER, defaultValue, minimum, description);
    }

    /**
     * Declares a floating-point setting.
     *
     * @param name the name
     * @param defaultValue the default
     * @param minimum the smallest allowed value
     * @param description what it means
     * @return the spec
     */
    public static SettingSpec number(
            String name, double defaultValue, double minimum, String description) {
        return new SettingSpec(name, Type.NUMBER, defaultValue, minimum, description);
    }

    /**
     * Declares a boolean setting.
     *
     * @param name the name
     * @param defaultValue the default
     * @param description what it means
     * @return the spec
     */
    public static SettingSpec bool(String name, boolean defaultValue, String description) {
        return new SettingSpec(
                name, Type.BOOLEAN, defaultValue, Double.NEGATIVE_INFINITY, description);
    }

    /**
     * Declares a text setting.
     *
     * @param name the name
     * @param defaultValue the default
     * @param description what it means
     * @return the spec
     */
    public static SettingSpec string(String name, String defaultValue, String description) {
        return new SettingSpec(
                name, Type.STRING, defaultValue, Double.NEGATIVE_INFINITY, description);
    }

    /**
     * Parses a value of this setting from text.
     *
     * @param owner what the setting belongs to, for messages (for example {@code space 'darts'})
     * @param text the text
     * @return the typed value
     * @throws IllegalArgumentException naming the setting and the expected type if the text does
     *     not parse or is out of range
     */
    public Object parse(String owner, String text) {
        Object value;
        try {
            switch (type) {
                case INTEGER:
                    value = Long.parseLong(text.trim());
                    break;
                case NUMBER:
                    double number = Double.parseDouble(text.trim());
                    if (!Double.isFinite(number)) {
                        throw new NumberFormatException(text);
                    }
                    value = number;
                    break;
                case BOOLEAN:
                    String lower = text.trim().toLowerCase(Locale.ROOT);
                    if (!lower.equals("true") && !lower.equals("false")) {
                        throw new NumberFormatException(text);
                    }
                    value = Boolean.parseBoolean(lower);
                    break;
                default:
                    value = text;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "setting '"
                            + name
                            + "' of "
                            + owner
                            + " is '"
                            + text
                            + "'; expected "
                            + (type == Type.INTEGER ? "an " : "a ")
                            + type.describe(),
                    e);
        }
        if (value instanceof Long whole && whole > Integer.MAX_VALUE) {
            throw outOfRange(owner, text, "at most " + Integer.MAX_VALUE + " (an integer)");
        }
        if (value instanceof Number number && number.doubleValue() < minimum) {
            throw outOfRange(owner, text, describeMinimum());
        }
        return value;
    }

    /** Describes the smallest value, as in "expected at least 2 (an integer)". */
    private String describeMinimum() {
        if (type == Type.INTEGER) {
            return "at least " + (long) minimum + " (an integer)";
        }
        if (minimum == Double.MIN_VALUE) {
            return "a positive number";
        }
        return "at least " + minimum + " (a number)";
    }

    private IllegalArgumentException outOfRange(String owner, String text, String expected) {
        return new IllegalArgumentException(
                "setting '"
                        + name
                        + "' of "
                        + owner
                        + " is "
                        + text.trim()
                        + "; expected "
                        + expected);
    }
}
