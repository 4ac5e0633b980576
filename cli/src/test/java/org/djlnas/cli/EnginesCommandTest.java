package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
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
    void everyEngineModuleIsListedWithWhatItCanDoHere() throws Exception {
        CliRun run = CliRun.of("engines", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode engines = new ObjectMapper().readTree(run.out());
        Map<String, String> capabilities = new LinkedHashMap<>();
        engines.forEach(
                engine ->
                        capabilities.put(
                                engine.get("name").asText(),
                                engine.get("capabilities").toString()));
        assertThat(capabilities.keySet())
                .containsExactlyInAnyOrder("PyTorch", "MXNet", "TensorFlow");
        assertThat(capabilities.get("MXNet")).contains("\"train\"", "\"architecture-gradients\"");
        assertThat(capabilities.get("TensorFlow")).isEqualTo("[\"export\"]");
    }

    @Test
    void trainingOnAnEngineThatCannotIsRefusedAtOnceNamingThoseThatCan() {
        CliRun run =
                CliRun.of(
                        "search",
                        "--engine",
                        "TensorFlow",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "random",
                        "--dataset",
                        "fashion-mnist",
                        "--trials",
                        "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("engine TensorFlow cannot train; engines that can: PyTorch, MXNet");
    }

    @Test
    void plainOutputIsATable() {
        CliRun run = CliRun.of("engines");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ENGINE").contains("PyTorch", "forward");
    }
}
