package org.djlnas.zoo;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of a published model is damaged: corrupt, truncated, changed after publication, or not
 * what the zoo recorded. The message names the file.
 */
public final class CorruptModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * Creates the exception.
     *
     * @param file the damaged file
     * @param problem what is wrong with it, completing a sentence that starts with the file's path
     */
    public CorruptModelFileException(Path file, String problem) {
        super(file + " " + problem);
        this.file = file.toString();
    }

    /**
     * Returns the damaged file.
     *
     * @return the file
     */
    public Path file() {
        return Path.of(file);
    }
}
