package org.djlnas.api.arch;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an architecture is malformed or does not fit its search space. The message always
 * names the offending label (when there is one) and what was expected instead.
 */
public class InvalidArchitectureException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String label;

    /**
     * Creates an exception about one label.
     *
     * @param label the label whose value is wrong, missing or unknown
     * @param message what is wrong and what was expected
     */
    public InvalidArchitectureException(String label, String message) {
        super("label '" + label + "': " + message);
        this.label = label;
    }

    /**
     * Creates an exception about the architecture as a whole.
     *
     * @param message what is wrong and what was expected
     */
    public InvalidArchitectureException(String message) {
        super(message);
        this.label = null;
    }

    /**
     * Creates an exception about the architecture as a whole, caused by another error (for example
     * a JSON parse error).
     *
     * @param message what is wrong and what was expected
     * @param cause the underlying error
     */
    public InvalidArchitectureException(String message, Throwable cause) {
        super(message, cause);
        this.label = null;
    }

    /**
     * Returns the label this error is about, if it is about one label.
     *
     * @return the label, or empty for errors about the whole architecture
     */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }
}
