package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EnginesCommandTest {

    @Test
    void jsonListsPyTorchWithWhatItCanDo() throws Exception {
        CliRun run = CliRun.of("engines", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode engines = new ObjectMapper().readTree(run.out());
        assertThat(engines.isArray()).isTrue();
        JsonNode pytorch = engines.get(0);
        assertThat(pytorch.get("name").asText()).isEqualTo("PyTorch");
        assertThat(pytorch.get("version").asText()).isNotBlank();
        assertThat(pytorch.get("capabilities").toString()).contains("\"forward\"", "\"train\"");
        assertThat(pytorch.get("default").asBoolean()).isTrue();
    }

    @Test
    void plainOutputIsATable() {
        CliRun run = CliRun.of("engines");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ENGINE").contains("PyTorch", "forward");
    }
}
