package org.djlnas.zoo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@value ZooLayout#CHECKSUMS_FILE} of a version folder: the SHA-256 of every other file, in
 * the format of {@code sha256sum}. A folder verifies when every listed file exists with its
 * checksum and no other file is present (hidden files aside).
 */
final class ChecksumManifest {

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  ([^/\\\\]+)");
    private static final int BUFFER = 1 << 16;

    private ChecksumManifest() {}

    /**
     * Writes the manifest of some files of a folder.
     *
     * @param folder the folder
     * @param files the names of the files it lists
     * @throws IOException if a file cannot be read or the manifest written
     */
    static void write(Path folder, Collection<String> files) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : new TreeSet<>(files)) {
            text.append(sha256(folder.resolve(name))).append("  ").append(name).append('\n');
        }
        Files.writeString(folder.resolve(ZooLayout.CHECKSUMS_FILE), text, StandardCharsets.UTF_8);
    }

    /**
     * Reads the manifest of a folder.
     *
     * @param folder the folder
     * @return file name → SHA-256 in hex, sorted by name
     * @throws FileNotFoundException if the folder has no manifest
     * @throws CorruptModelFileException if the manifest is malformed
     * @throws IOException if it cannot be read
     */
    static SortedMap<String, String> read(Path folder) throws IOException {
        Path manifest = folder.resolve(ZooLayout.CHECKSUMS_FILE);
        if (!Files.isRegularFile(manifest)) {
            throw new FileNotFoundException(
                    "checksum file missing: "
                            + manifest
                            + " (every published version folder has one; this folder is damaged"
                            + " or not a published model)");
        }
        SortedMap<String, String> checksums = new TreeMap<>();
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = LINE.matcher(lines.get(i));
            if (!line.matches()
                    || line.group(2).equals(".")
                    || line.group(2).equals("..")
                    || checksums.put(line.group(2), line.group(1)) != null) {
                throw new CorruptModelFileException(
                        manifest,
                        "is malformed at line "
                                + (i + 1)
                                + "; expected '<64 hex digits>  <file name>', each file once");
            }
        }
        return checksums;
    }

    /**
     * Checks every file of a folder against its manifest.
     *
     * @param folder the folder
     * @throws FileNotFoundException naming a listed file that is missing
     * @throws CorruptModelFileException naming a file whose checksum differs, or that is not listed
     * @throws IOException if a file cannot be read
     */
    static void verify(Path folder) throws IOException {
        Map<String, String> checksums = read(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".")
                        && !name.equals(ZooLayout.CHECKSUMS_FILE)
                        && !checksums.containsKey(name)) {
                    throw new CorruptModelFileException(
                            file,
                            "is not listed in "
                                    + ZooLayout.CHECKSUMS_FILE
                                    + ": the folder was changed after publication");
                }
            }
        }
        for (Map.Entry<String, String> entry : checksums.entrySet()) {
            Path file = folder.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new FileNotFoundException(
                        "model file missing: "
                                + file
                                + " (listed in "
                                + ZooLayout.CHECKSUMS_FILE
                                + ")");
            }
            String actual = sha256(file);
            if (!actual.equals(entry.getValue())) {
                throw new CorruptModelFileException(
                        file,
                        "is corrupt, truncated or was changed ("
                                + Files.size(file)
                                + " bytes): its SHA-256 is "
                                + actual
                                + ", but "
                                + entry.getValue()
                                + " was recorded when it was published");
            }
        }
    }

    /**
     * Returns the SHA-256 of a file.
     *
     * @param file the file
     * @return the digest in lower-case hex
     * @throws IOException if it cannot be read
     */
    static String sha256(Path file) throws IOException {
        return digest(file, "SHA-256");
    }

    /**
     * Returns the SHA-1 of a file, as DJL's repository metadata records it.
     *
     * @param file the file
     * @return the digest in lower-case hex
     * @throws IOException if it cannot be read
     */
    static String sha1(Path file) throws IOException {
        return digest(file, "SHA-1");
    }

    private static String digest(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
