package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas zoo pack} and {@code nas zoo import} take {@code --json} like every command. */
class ZooJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @Test
    void packAndImportPrintOneJsonObject() throws Exception {
        String zoo = new BadInputFixture(folder).expand("{zoo}");
        Path archive = folder.resolve("m.zip");

        CliRun pack =
                CliRun.of("zoo", "pack", zoo, "--name", "m", "--out", archive.toString(), "--json");

        assertThat(pack.exitCode()).as(pack.err()).isZero();
        JsonNode packed = JSON.readTree(pack.out());
        assertThat(packed.get("name").asText()).isEqualTo("m");
        assertThat(packed.get("archive").asText()).isEqualTo(archive.toString());
        assertThat(archive).isRegularFile();

        Path target = folder.resolve("target");
        CliRun imported =
                CliRun.of("zoo", "import", target.toString(), archive.toString(), "--json");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode models = JSON.readTree(imported.out()).get("imported");
        assertThat(models).hasSize(1);
        assertThat(models.get(0).get("name").asText()).isEqualTo("m");
        assertThat(models.get(0).get("version").asText()).isEqualTo("1");
        assertThat(Path.of(models.get(0).get("folder").asText())).startsWith(target);
    }
}
