package org.djlnas.zoo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-system steps that writers of a zoo share. */
final class Folders {

    private Folders() {}

    /**
     * Deletes a file or a folder with everything in it; nothing happens if it does not exist.
     *
     * @param path the file or folder
     * @throws IOException if something cannot be deleted
     */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(path)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * Moves a file or folder within one file system in a single step, so that readers see either
     * the old state or the new one.
     *
     * @param source what to move
     * @param target where to, replaced if it is a file
     * @throws IOException if the move fails
     */
    static void move(Path source, Path target) throws IOException {
        Files.move(
                source,
                target,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes a text file in a single step: into a hidden temporary file beside it, then moved over
     * it.
     *
     * @param file the file
     * @param text its new content
     * @throws IOException if it cannot be written
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temporary =
                Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Moves a complete folder into the place of another, then completes the change (by updating
     * metadata that lists it); if a step fails, the folder that was there before is put back.
     *
     * @param stage the new folder
     * @param target where it goes
     * @param parking where the old folder waits until the change is complete; the caller deletes it
     * @param completion what completes the change
     * @throws IOException if a step fails
     */
    static void swapIn(Path stage, Path target, Path parking, Completion completion)
            throws IOException {
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            move(target, parking);
        }
        try {
            move(stage, target);
            completion.run();
        } catch (IOException | RuntimeException e) {
            try {
                if (!Files.exists(stage)) {
                    deleteRecursively(target);
                }
                if (hadOld) {
                    move(parking, target);
                }
            } catch (IOException | RuntimeException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
    }

    /** The step that completes a {@link #swapIn}. */
    @FunctionalInterface
    interface Completion {
        /**
         * Completes the change.
         *
         * @throws IOException if it fails
         */
        void run() throws IOException;
    }
}
