package org.djlnas.runtime.data.table;

/**
 * A table that cannot be used as it is: its message is one line naming the file, and the line and
 * column where that helps, and what was expected.
 */
public final class BadTableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the one-line message
     */
    public BadTableException(String message) {
        super(message);
    }
}
