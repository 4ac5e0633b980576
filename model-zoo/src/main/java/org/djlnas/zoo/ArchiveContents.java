package org.djlnas.zoo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The entries of an archive, checked before anything is extracted: every name a relative path
 * without {@code .} or {@code ..} segments, back-slashes or drive letters, so that no entry lands
 * outside the zoo; no name twice; and the layout of one packed model ({@link ArchivePacker}): one
 * {@value ZooLayout#METADATA_FILE} where a zoo keeps a model's metadata, and beside it only files
 * of version folders.
 *
 * @param name the model's name
 * @param metadata the metadata entry
 * @param versions per version, its files' entries by file name
 */
record ArchiveContents(
        String name, ZipEntry metadata, SortedMap<String, Map<String, ZipEntry>> versions) {

    private static final int MAX_ENTRIES = 10_000;
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");

    static ArchiveContents of(Path archive, ZipFile zip) throws InvalidArchiveException {
        if (zip.size() > MAX_ENTRIES) {
            throw new InvalidArchiveException(
                    archive, "has " + zip.size() + " entries; a packed model has far fewer");
        }
        List<ZipEntry> files = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        @Nullable ZipEntry metadata = null;
        for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
            ZipEntry entry = it.nextElement();
            String entryName = entry.getName();
            checkName(archive, entryName);
            if (!seen.add(entryName)) {
                throw new InvalidArchiveException(
                        archive, "holds the entry " + entryName + " twice");
            }
            if (entry.isDirectory()) {
                folders.add(entryName);
            } else if (entryName.equals(ZooLayout.METADATA_FILE)
                    || entryName.endsWith("/" + ZooLayout.METADATA_FILE)) {
                if (metadata != null) {
                    throw new InvalidArchiveException(
                            archive,
                            "holds several "
                                    + ZooLayout.METADATA_FILE
                                    + " entries ("
                                    + metadata.getName()
                                    + ", "
                                    + entryName
                                    + "); a packed model has one");
                }
                metadata = entry;
            } else {
                files.add(entry);
            }
        }
        if (metadata == null) {
            throw new InvalidArchiveException(
                    archive,
                    "has no "
                            + ZooLayout.METADATA_FILE
                            + " entry; it is not a model packed by djl-nas");
        }
        String prefix =
                metadata.getName()
                        .substring(
                                0, metadata.getName().length() - ZooLayout.METADATA_FILE.length());
        String name = modelName(archive, prefix);
        SortedMap<String, Map<String, ZipEntry>> versions = new TreeMap<>();
        for (ZipEntry file : files) {
            String[] rest = relative(archive, prefix, file.getName()).split("/", -1);
            if (rest.length != 2 || !isVersion(rest[0])) {
                throw new InvalidArchiveException(
                        archive,
                        "holds the entry "
                                + file.getName()
                                + ", which is not a file of a version folder ("
                                + prefix
                                + "VERSION/FILE)");
            }
            versions.computeIfAbsent(rest[0], v -> new LinkedHashMap<>()).put(rest[1], file);
        }
        for (String folder : folders) {
            if (!prefix.startsWith(folder)
                    && !(folder.startsWith(prefix)
                            && versions.containsKey(
                                    folder.substring(prefix.length(), folder.length() - 1)))) {
                throw new InvalidArchiveException(
                        archive, "holds the unexpected folder entry " + folder);
            }
        }
        return new ArchiveContents(name, metadata, versions);
    }

    private static void checkName(Path archive, String entryName) throws InvalidArchiveException {
        String path =
                entryName.endsWith("/")
                        ? entryName.substring(0, entryName.length() - 1)
                        : entryName;
        boolean unsafe =
                path.isEmpty()
                        || path.startsWith("/")
                        || path.contains("\\")
                        || path.indexOf('\0') >= 0
                        || DRIVE.matcher(path).matches();
        for (String segment : path.split("/", -1)) {
            unsafe |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
        }
        if (unsafe) {
            throw new InvalidArchiveException(
                    archive,
                    "holds the entry '"
                            + entryName
                            + "', which escapes the target folder or is not a plain relative"
                            + " path; nothing was imported");
        }
    }

    private static String modelName(Path archive, String prefix) throws InvalidArchiveException {
        String folder = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        String name = folder.substring(folder.lastIndexOf('/') + 1);
        boolean valid;
        try {
            valid = folder.equals(ZooLayout.modelPath(name));
        } catch (IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidArchiveException(
                    archive,
                    "holds "
                            + prefix
                            + ZooLayout.METADATA_FILE
                            + ", which is not where a zoo keeps a model's metadata ("
                            + ZooLayout.modelPath("NAME")
                            + "/"
                            + ZooLayout.METADATA_FILE
                            + ")");
        }
        return name;
    }

    private static String relative(Path archive, String prefix, String entryName)
            throws InvalidArchiveException {
        if (!entryName.startsWith(prefix)) {
            throw new InvalidArchiveException(
                    archive,
                    "holds the entry "
                            + entryName
                            + ", which lies outside the model's folder "
                            + prefix);
        }
        return entryName.substring(prefix.length());
    }

    private static boolean isVersion(String text) {
        try {
            ZooLayout.requireVersion(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
