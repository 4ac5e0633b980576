package org.djlnas.runtime.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary file beside it and an atomic rename. */
final class AtomicFile {

    private AtomicFile() {}

    /**
     * Replaces a file's content at once: readers see the old file or the new one, never a part.
     *
     * @param file the file
     * @param content its new content
     * @throws IllegalArgumentException if the file cannot be written, naming it
     */
    static void write(Path file, byte[] content) {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        Path temporary = null;
        try {
            if (Files.isDirectory(target)) {
                throw new IOException("it is a folder");
            }
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            Files.write(temporary, content);
            readableByAll(temporary);
            try {
                Files.move(
                        temporary,
                        target,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + reason(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Nothing more to do: the rename failed and so may the clean-up.
                }
            }
        }
    }

    /** Temporary files are private; a report is for anyone who may read its folder. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(
                    file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }
}
