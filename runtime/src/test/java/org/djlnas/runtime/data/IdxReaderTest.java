package org.djlnas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir Path dir;

    @Test
    void readsGzippedImages() throws IOException {
        Path file =
                IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(IdxFiles.images(3, 4, 5)));
        IdxImages images = IdxReader.readImages(file);
        assertThat(images.count()).isEqualTo(3);
        assertThat(images.rows()).isEqualTo(4);
        assertThat(images.cols()).isEqualTo(5);
        for (int i = 0; i < 3; i++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 5; c++) {
                    assertThat(images.pixel(i, r, c)).isEqualTo(IdxFiles.pixel(i, r, c));
                }
            }
        }
    }

    @Test
    void readsUncompressedFilesToo() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(25, 10));
        byte[] labels = IdxReader.readLabels(file);
        assertThat(labels).hasSize(25);
        assertThat(labels[13]).isEqualTo((byte) 3);
    }

    @Test
    void readsPixelValuesAbove127AsUnsigned() throws IOException {
        Path file =
                IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(IdxFiles.images(9, 1, 1)));
        assertThat(IdxReader.readImages(file).pixel(8, 0, 0)).isEqualTo(248);
    }

    @Test
    void missingFileNamesThePath() {
        Path file = dir.resolve("nowhere.gz");
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void wrongMagicNumberSaysWhatTheFileIs() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.gzip(IdxFiles.labels(5, 10)));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong magic number 0x00000801")
                .hasMessageContaining("expected 0x00000803")
                .hasMessageContaining("label file");
    }

    @Test
    void garbageIsAWrongMagicNumber() throws IOException {
        Path file = IdxFiles.write(dir.resolve("junk.gz"), "hello, world".getBytes("UTF-8"));
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong magic number")
                .hasMessageContaining("not an IDX file");
    }

    @Test
    void corruptGzipDataIsReported() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(4, 28, 28));
        for (int i = 20; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xff;
        }
        Path file = IdxFiles.write(dir.resolve("corrupt.gz"), gz);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageMatching("(?s).*(corrupt|truncated|wrong magic).*");
    }

    @Test
    void badGzipHeaderIsReported() throws IOException {
        Path file =
                IdxFiles.write(
                        dir.resolve("header.gz"), new byte[] {0x1f, (byte) 0x8b, 99, 0, 0, 0});
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("gzip");
    }

    @Test
    void truncatedCompressedFileIsReported() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 28, 28));
        Path file = IdxFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("50 images of 28×28");
    }

    @Test
    void truncatedContentIsReported() throws IOException {
        byte[] content = IdxFiles.images(10, 28, 28);
        Path file =
                IdxFiles.write(
                        dir.resolve("short.gz"),
                        IdxFiles.gzip(Arrays.copyOf(content, content.length - 100)));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("ends after 7740 bytes");
    }

    @Test
    void fileEndingInTheHeaderIsTruncated() throws IOException {
        Path file =
                IdxFiles.write(
                        dir.resolve("header-only.gz"),
                        IdxFiles.gzip(Arrays.copyOf(IdxFiles.images(1, 2, 2), 10)));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining("header");
    }

    @Test
    void extraDataIsReported() throws IOException {
        byte[] content = IdxFiles.labels(10, 10);
        Path file =
                IdxFiles.write(
                        dir.resolve("long.gz"),
                        IdxFiles.gzip(Arrays.copyOf(content, content.length + 3)));
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("more data than its header declares");
    }

    @Test
    void mismatchedCountsAreReported() throws IOException {
        Path images = IdxFiles.write(dir.resolve("i.gz"), IdxFiles.gzip(IdxFiles.images(3, 2, 2)));
        Path labels = IdxFiles.write(dir.resolve("l.gz"), IdxFiles.gzip(IdxFiles.labels(4, 10)));
        assertThatThrownBy(() -> LabelledImages.read(images, labels, 10))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("3 images but 4 labels");
    }

    @Test
    void labelsOutOfRangeAreReported() throws IOException {
        Path images = IdxFiles.write(dir.resolve("i.gz"), IdxFiles.gzip(IdxFiles.images(12, 2, 2)));
        Path labels = IdxFiles.write(dir.resolve("l.gz"), IdxFiles.gzip(IdxFiles.labels(12, 12)));
        assertThatThrownBy(() -> LabelledImages.read(images, labels, 10))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("label 10 is 10");
    }
}
