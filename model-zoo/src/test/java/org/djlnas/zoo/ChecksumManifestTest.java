package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumManifestTest {

    @TempDir Path folder;

    @BeforeEach
    void writeTwoFiles() throws Exception {
        Files.writeString(folder.resolve("a.txt"), "alpha");
        Files.writeString(folder.resolve("b.params"), "DJL@beta");
        ChecksumManifest.write(folder, List.of("b.params", "a.txt"));
    }

    @Test
    void theManifestIsInSha256sumFormat() throws Exception {
        assertThat(Files.readString(folder.resolve("checksums.sha256")))
                .isEqualTo(
                        "8ed3f6ad685b959ead7022518e1af76cd816f8e8ec7ccdda1ed4018e8f2223f8  a.txt\n"
                                + ChecksumManifest.sha256(folder.resolve("b.params"))
                                + "  b.params\n");
        assertThatCode(() -> ChecksumManifest.verify(folder)).doesNotThrowAnyException();
    }

    @Test
    void aChangedFileIsNamed() throws Exception {
        Files.writeString(folder.resolve("b.params"), "DJL@bet");
        assertThatThrownBy(() -> ChecksumManifest.verify(folder))
                .isInstanceOf(CorruptModelFileException.class)
                .hasMessageStartingWith(folder.resolve("b.params") + " is corrupt, truncated")
                .hasMessageContaining("(7 bytes)")
                .extracting(e -> ((CorruptModelFileException) e).file())
                .isEqualTo(folder.resolve("b.params"));
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Files.delete(folder.resolve("a.txt"));
        assertThatThrownBy(() -> ChecksumManifest.verify(folder))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("model file missing: " + folder.resolve("a.txt"));
    }

    @Test
    void anUnlistedFileIsNamed() throws Exception {
        Files.writeString(folder.resolve("extra.bin"), "?");
        Files.writeString(folder.resolve(".hidden"), "ignored");
        assertThatThrownBy(() -> ChecksumManifest.verify(folder))
                .isInstanceOf(CorruptModelFileException.class)
                .hasMessageContaining(folder.resolve("extra.bin") + " is not listed");
    }

    @Test
    void aMalformedOrMissingManifestIsNamed() throws Exception {
        Files.writeString(folder.resolve("checksums.sha256"), "abc  ../a.txt\n");
        assertThatThrownBy(() -> ChecksumManifest.verify(folder))
                .isInstanceOf(CorruptModelFileException.class)
                .hasMessageContaining("is malformed at line 1");
        Files.delete(folder.resolve("checksums.sha256"));
        assertThatThrownBy(() -> ChecksumManifest.verify(folder))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("checksum file missing");
    }
}
