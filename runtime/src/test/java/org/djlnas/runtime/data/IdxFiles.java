package org.djlnas.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Test helpers: tiny IDX files. */
final class IdxFiles {

    private IdxFiles() {}

    /**
     * The bytes of an IDX image file whose pixel (i, r, c) is {@code (i * 31 + r * 7 + c) % 256}.
     */
    static byte[] images(int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out.writeByte(pixel(i, r, c));
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    static int pixel(int image, int row, int col) {
        return (image * 31 + row * 7 + col) % 256;
    }

    /** The bytes of an IDX label file whose label i is {@code i % classes}. */
    static byte[] labels(int count, int classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeByte(i % classes);
        }
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        return file;
    }

    /** Writes a fake Fashion-MNIST folder with 28×28 images. */
    static Path fakeFashionMnist(Path dir, int train, int test) throws IOException {
        write(dir.resolve(FashionMnist.TRAIN_IMAGES), gzip(images(train, 28, 28)));
        write(dir.resolve(FashionMnist.TRAIN_LABELS), gzip(labels(train, 10)));
        write(dir.resolve(FashionMnist.TEST_IMAGES), gzip(images(test, 28, 28)));
        write(dir.resolve(FashionMnist.TEST_LABELS), gzip(labels(test, 10)));
        return dir;
    }
}
