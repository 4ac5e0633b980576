package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meta-start manifest's round trip and the errors of reading a bad one. */
class MetaStartManifestTest {

    @TempDir Path folder;

    private static MetaStartManifest manifest() {
        return new MetaStartManifest(
                "darts",
                Map.of("channels", "4", "layers", "3"),
                List.of("image-folder:/data/a", "image-folder:/data/b"),
                Map.of("metaIterations", "20", "inner.batch-size", "32"),
                7,
                "PyTorch",
                List.of("01stem_01conv_weight", "02cell0_weight"),
                List.of("cell0/edge0", "cell0/edge1"));
    }

    @Test
    void roundTripsThroughItsJson() throws IOException {
        Files.writeString(folder.resolve(MetaStartManifest.FILE), manifest().toJson());

        MetaStartManifest read = MetaStartManifest.read(folder);

        assertThat(read).isEqualTo(manifest());
        assertThat(read.toJson()).isEqualTo(manifest().toJson());
        assertThat(read.toJson()).contains("\"format\" : \"djl-nas-meta-start\"");
    }

    @Test
    void namesTheMissingFolderOrFile() {
        Path missing = folder.resolve("nowhere");
        assertThatThrownBy(() -> MetaStartManifest.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        missing + " is not a folder; expected a folder written by meta-training");
        assertThatThrownBy(() -> MetaStartManifest.read(folder))
                .hasMessage(
                        folder
                                + " holds no manifest.json; expected a folder written by"
                                + " meta-training");
    }

    @Test
    void namesWhatIsWrongWithAManifest() throws IOException {
        Path file = folder.resolve(MetaStartManifest.FILE);
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> MetaStartManifest.read(folder))
                .hasMessage(file + " is not valid JSON");

        Files.writeString(file, "{\"format\": \"djl-nas-experiment\", \"version\": 1}");
        assertThatThrownBy(() -> MetaStartManifest.read(folder))
                .hasMessage(
                        file
                                + " is not a meta-start manifest; expected format"
                                + " djl-nas-meta-start version 1");

        Files.writeString(file, manifest().toJson().replace("\"space\"", "\"room\""));
        assertThatThrownBy(() -> MetaStartManifest.read(folder))
                .hasMessage(file + " has no field 'space'");

        Files.writeString(
                file, manifest().toJson().replace("\"tasks\" : [", "\"tasks\" : [ {\"a\": 1}, "));
        assertThatThrownBy(() -> MetaStartManifest.read(folder))
                .hasMessage(file + " has a malformed field");
    }
}
