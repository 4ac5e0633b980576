package org.djlnas.runtime.data.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder with one sub-folder per class and one document per file. Sub-folders and files are
 * taken in name order; hidden ones (starting with a dot) are skipped.
 *
 * <p>Documents are decoded as UTF-8, and bytes that are not valid UTF-8 become U+FFFD: raw e-mails
 * mix encodings (Latin-1 bodies, base64 parts) and a classifier learns from the readable rest. A
 * file is an error only if it cannot be read at all, or holds nothing but white space.
 */
final class TextFolder {

    private TextFolder() {}

    /**
     * Lists a folder's classes: its sub-folders, in name order.
     *
     * @param folder the folder
     * @param option the option or location naming it, for messages
     * @return the class names
     * @throws IOException if the folder cannot be listed
     */
    static List<String> classes(Path folder, String option) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    option + " " + folder + " is not a folder; expected one sub-folder per class");
        }
        List<String> classes;
        try (Stream<Path> children = Files.list(folder)) {
            classes =
                    children.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .filter(name -> !name.startsWith("."))
                            .sorted()
                            .toList();
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException(
                    option
                            + " "
                            + folder
                            + " has no sub-folders; expected one sub-folder of documents per"
                            + " class");
        }
        return classes;
    }

    /**
     * Reads every document of a folder whose classes are given.
     *
     * @param folder the folder
     * @param classNames its classes, in label order
     * @return the documents, class by class, files in name order
     * @throws IOException if a file cannot be read
     */
    static List<Document> read(Path folder, List<String> classNames) throws IOException {
        List<Document> documents = new ArrayList<>();
        for (int label = 0; label < classNames.size(); label++) {
            Path classFolder = folder.resolve(classNames.get(label));
            List<Path> files;
            try (Stream<Path> children = Files.list(classFolder)) {
                files =
                        children.filter(Files::isRegularFile)
                                .filter(p -> !p.getFileName().toString().startsWith("."))
                                .sorted()
                                .toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(
                        "class folder "
                                + classFolder
                                + " holds no documents; expected at least one file");
            }
            for (Path file : files) {
                documents.add(new Document(decode(file), label, file.toString()));
            }
        }
        return documents;
    }

    private static String decode(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new IllegalArgumentException(
                    file + ": the document is empty; expected some text");
        }
        return text;
    }
}
