package org.djlnas.zoo;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An archive cannot be imported: it is not a zip file, is truncated, has an entry that would land
 * outside the zoo, does not have the layout of a packed model, or holds files that fail their
 * checksums. Nothing of it is left in the zoo.
 */
public final class InvalidArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param archive the archive
     * @param problem what is wrong, completing a sentence that starts with the archive's path
     */
    public InvalidArchiveException(Path archive, String problem) {
        super(archive + " " + problem);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param archive the archive
     * @param problem what is wrong, completing a sentence that starts with the archive's path
     * @param cause the cause
     */
    public InvalidArchiveException(Path archive, String problem, Throwable cause) {
        super(archive + " " + problem, cause);
    }
}
