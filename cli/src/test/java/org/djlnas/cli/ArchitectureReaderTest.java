package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureReaderTest {

    private static final Architecture EXPECTED =
            Architecture.fromJson("{\"a/op\": \"conv\", \"a/width\": 8}");

    @TempDir Path dir;

    @Test
    void readsJsonText() {
        assertThat(ArchitectureReader.read(" {\"a/width\": 8, \"a/op\": \"conv\"} "))
                .isEqualTo(EXPECTED);
    }

    @Test
    void readsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("arch.json"), EXPECTED.toJson());

        assertThat(ArchitectureReader.read(file.toString())).isEqualTo(EXPECTED);
    }

    @Test
    void unwrapsAResultObject() {
        String wrapped =
                "{\"architecture\": " + EXPECTED.toJson() + ", \"id\": \"x\", \"accuracy\": 0.9}";

        assertThat(ArchitectureReader.read(wrapped)).isEqualTo(EXPECTED);
    }

    @Test
    void unwrapsASearchResult() {
        String wrapped = "{\"best\": {\"architecture\": " + EXPECTED.toJson() + "}, \"trials\": 3}";

        assertThat(ArchitectureReader.read(wrapped)).isEqualTo(EXPECTED);
    }

    @Test
    void rejectsTrailingGarbage() {
        assertThatThrownBy(() -> ArchitectureReader.read(EXPECTED.toJson() + " }"))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageStartingWith("--arch: malformed architecture JSON");
    }

    @Test
    void namesTheFileOfAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"a/op\": {}}");

        assertThatThrownBy(() -> ArchitectureReader.read(file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("a/op");
    }
}
