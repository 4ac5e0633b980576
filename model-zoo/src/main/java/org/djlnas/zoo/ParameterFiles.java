package org.djlnas.zoo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds and checks the weights a DJL {@code Model.save} wrote: {@code PREFIX-NNNN.params}. */
final class ParameterFiles {

    private static final Pattern FILE = Pattern.compile("(.+)-(\\d{4})\\.params");
    private static final byte[] MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

    private ParameterFiles() {}

    /**
     * Finds the weights file: the file itself, or in a folder the file of the latest epoch.
     *
     * @param weights a {@code .params} file, or a folder with the files of one model
     * @return the file
     * @throws FileNotFoundException if there is no such file
     * @throws IllegalArgumentException if a folder holds the files of several models
     * @throws CorruptModelFileException if the file is not in DJL's parameter format
     * @throws IOException if the folder cannot be listed or the file read
     */
    static Path locate(Path weights) throws IOException {
        Path file = Files.isDirectory(weights) ? latest(weights) : weights;
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("weights file not found: " + file);
        }
        byte[] head = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length || !Arrays.equals(head, MAGIC)) {
                throw new CorruptModelFileException(
                        file,
                        "is not a DJL parameter file (DJL's Model.save writes files that start"
                                + " with DJL@)");
            }
        }
        return file;
    }

    private static Path latest(Path folder) throws IOException {
        List<Path> candidates;
        try (Stream<Path> list = Files.list(folder)) {
            candidates =
                    list.filter(p -> FILE.matcher(p.getFileName().toString()).matches())
                            .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                            .toList();
        }
        if (candidates.isEmpty()) {
            throw new FileNotFoundException(
                    "no weights file (PREFIX-NNNN.params, as DJL's Model.save writes) in "
                            + folder);
        }
        List<String> prefixes = candidates.stream().map(ParameterFiles::prefix).distinct().toList();
        if (prefixes.size() > 1) {
            throw new IllegalArgumentException(
                    folder
                            + " holds the weights of several models ("
                            + String.join(", ", prefixes)
                            + "); name the .params file to publish");
        }
        return candidates.get(candidates.size() - 1);
    }

    private static String prefix(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a parameter file: " + file);
        }
        return m.group(1);
    }
}
