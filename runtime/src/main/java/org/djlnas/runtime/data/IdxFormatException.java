package org.djlnas.runtime.data;

import java.io.IOException;

/** Thrown when an IDX file is corrupt, truncated or not the kind of IDX file expected. */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the file and what was wrong with it
     */
    public IdxFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message the file and what was wrong with it
     * @param cause the underlying error
     */
    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
