package org.djlnas.api.space;

/** Building and checking {@code /}-scoped labels. */
public final class Labels {

    private Labels() {}

    /**
     * Joins label parts with {@code /}, skipping empty parts.
     *
     * @param parts the parts, outermost first
     * @return the joined label
     */
    public static String join(String... parts) {
        StringBuilder label = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (label.length() > 0) {
                label.append('/');
            }
            label.append(part);
        }
        return check(label.toString());
    }

    /**
     * Checks that a label is non-empty and has no empty path segment or white space.
     *
     * @param label the label
     * @return the label
     * @throws IllegalArgumentException if it is not a valid label
     */
    public static String check(String label) {
        if (label.isEmpty()
                || label.startsWith("/")
                || label.endsWith("/")
                || label.contains("//")
                || label.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "invalid label '"
                            + label
                            + "': expected non-empty '/'-separated parts without white space");
        }
        return label;
    }
}
