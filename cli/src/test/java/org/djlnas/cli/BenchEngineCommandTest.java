package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineInfo;
import org.djlnas.api.engine.EngineSelector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code nas bench-engine}, the engine benchmark, on a few small steps. */
@Tag("integration")
class BenchEngineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trainingTimesTheStepsOfTheChosenEngine() throws Exception {
        CliRun run =
                CliRun.of(
                        "bench-engine",
                        "training",
                        "--engine",
                        "pytorch",
                        "--batch",
                        "8",
                        "--warmup",
                        "1",
                        "--steps",
                        "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("engine").asText()).isEqualTo("PyTorch");
        assertThat(result.get("batch").asInt()).isEqualTo(8);
        assertThat(result.get("steps").asInt()).isEqualTo(3);
        assertThat(result.get("msPerStep").asDouble()).isBetween(0.01, 60_000.0);
    }

    @Test
    void inferenceTimesEveryEngineFoundThatRunsOrExportsTheNetwork() throws Exception {
        List<String> expected = new ArrayList<>();
        List<EngineInfo> engines = EngineSelector.discover().available();
        engines.stream()
                .filter(e -> e.capabilities().contains(EngineCapability.FORWARD))
                .forEach(e -> expected.add(e.name()));
        engines.stream()
                .filter(e -> e.capabilities().contains(EngineCapability.EXPORT))
                .forEach(e -> expected.add(e.name()));

        CliRun run =
                CliRun.of(
                        "bench-engine",
                        "inference",
                        "--batch",
                        "4",
                        "--warmup",
                        "0",
                        "--steps",
                        "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        List<String> timed = new ArrayList<>();
        result.get("msPerBatch").fieldNames().forEachRemaining(timed::add);
        assertThat(timed).containsExactlyElementsOf(expected).contains("PyTorch", "TensorFlow");
        assertThat(result.get("weightsFrom").asText()).isEqualTo("PyTorch");
    }
}
