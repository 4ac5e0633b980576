package org.djlnas.runtime.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the format of MNIST and Fashion-MNIST), gzip-compressed or
 * not.
 *
 * <p>Every problem is an {@link IOException} whose message names the file: a missing file is a
 * {@link FileNotFoundException}; a corrupt, truncated or over-long file, a wrong magic number or an
 * implausible header is an {@link IdxFormatException} saying what was wrong.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int BUFFER = 1 << 16;

    private IdxReader() {}

    /**
     * Reads an IDX file of images: magic {@code 0x00000803}, then count, rows and columns, then one
     * byte per pixel.
     *
     * @param file the file, gzip-compressed or not
     * @return the images
     * @throws FileNotFoundException if the file does not exist
     * @throws IdxFormatException if the file is corrupt, truncated or not an image file
     * @throws IOException on other read errors
     */
    public static IdxImages readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = readHeaderInt(in, file, "magic number");
            checkMagic(file, magic, IMAGES_MAGIC, "images (unsigned bytes, 3 dimensions)");
            int count = readDimension(in, file, "image count");
            int rows = readDimension(in, file, "rows");
            int cols = readDimension(in, file, "columns");
            long bytes = (long) count * rows * cols;
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(
                        file
                                + ": the header declares "
                                + count
                                + " images of "
                                + rows
                                + "×"
                                + cols
                                + " ("
                                + bytes
                                + " bytes), more than this reader holds in one array; the header"
                                + " is probably corrupt");
            }
            byte[] pixels = new byte[(int) bytes];
            readBody(
                    in,
                    file,
                    pixels,
                    "the header declares "
                            + count
                            + " images of "
                            + rows
                            + "×"
                            + cols
                            + " pixels ("
                            + bytes
                            + " bytes)");
            return new IdxImages(count, rows, cols, pixels);
        }
    }

    /**
     * Reads an IDX file of labels: magic {@code 0x00000801}, then the count, then one byte per
     * label.
     *
     * @param file the file, gzip-compressed or not
     * @return the labels, one per byte
     * @throws FileNotFoundException if the file does not exist
     * @throws IdxFormatException if the file is corrupt, truncated or not a label file
     * @throws IOException on other read errors
     */
    public static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = readHeaderInt(in, file, "magic number");
            checkMagic(file, magic, LABELS_MAGIC, "labels (unsigned bytes, 1 dimension)");
            int count = readDimension(in, file, "label count");
            byte[] labels = new byte[count];
            readBody(in, file, labels, "the header declares " + count + " labels");
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(
                    Files.isDirectory(file)
                            ? file + " is a directory, not an IDX file"
                            : "IDX file not found: " + file);
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new DataInputStream(
                        new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER));
            }
            return new DataInputStream(raw);
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new IdxFormatException(
                    file + " is not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what)
            throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IdxFormatException(
                    file + " is truncated: it ends inside the header, before the " + what, e);
        } catch (ZipException e) {
            throw corrupt(file, e);
        }
    }

    private static int readDimension(DataInputStream in, Path file, String what)
            throws IOException {
        int value = readHeaderInt(in, file, what);
        if (value < 0) {
            throw new IdxFormatException(
                    file + ": the header declares a negative " + what + " (" + value + ")");
        }
        return value;
    }

    private static void checkMagic(Path file, int magic, int expected, String kind)
            throws IdxFormatException {
        if (magic != expected) {
            throw new IdxFormatException(
                    file
                            + ": wrong magic number "
                            + hex(magic)
                            + "; expected "
                            + hex(expected)
                            + " for IDX "
                            + kind
                            + describeMagic(magic));
        }
    }

    private static String describeMagic(int magic) {
        if (magic == IMAGES_MAGIC) {
            return " (this is an image file)";
        }
        if (magic == LABELS_MAGIC) {
            return " (this is a label file)";
        }
        return " (not an IDX file of unsigned bytes, or a corrupt one)";
    }

    private static void readBody(DataInputStream in, Path file, byte[] target, String declared)
            throws IOException {
        int read = 0;
        try {
            while (read < target.length) {
                int n = in.read(target, read, target.length - read);
                if (n < 0) {
                    throw new IdxFormatException(
                            file
                                    + " is truncated: "
                                    + declared
                                    + " but the data ends after "
                                    + read
                                    + " bytes");
                }
                read += n;
            }
            // Reading to the end also makes GZIPInputStream check the trailer's CRC and length.
            if (in.read() >= 0) {
                throw new IdxFormatException(
                        file
                                + " has more data than its header declares ("
                                + declared
                                + "); the header or the file is corrupt");
            }
        } catch (EOFException e) {
            throw new IdxFormatException(
                    file
                            + " is truncated: "
                            + declared
                            + " but the compressed data ends after "
                            + read
                            + " bytes ("
                            + e.getMessage()
                            + ")",
                    e);
        } catch (ZipException e) {
            throw corrupt(file, e);
        }
    }

    private static IdxFormatException corrupt(Path file, ZipException e) {
        return new IdxFormatException(
                file + " is corrupt: its gzip data cannot be decompressed (" + e.getMessage() + ")",
                e);
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }
}
