package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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

    /** The derived network's trainable parameters at C=8, 3 cells, 1×28×28 input, 10 classes. */
    private static final long DARTS_PARAMETERS = 27_778;

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
        assertThat(result.get("cpuMsPerStep").asDouble()).isBetween(0.01, 120_000.0);
    }

    @Test
    void trainingTimesTheSmallCnnOfItsSpace() throws Exception {
        CliRun run =
                CliRun.of(
                        "bench-engine",
                        "training",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{}",
                        "--batch",
                        "8",
                        "--warmup",
                        "1",
                        "--steps",
                        "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("space").asText()).isEqualTo("small-cnn");
        // conv32 (320) + conv64 (18,496) + linear from 64×7×7 to 10 (31,370): SmallCnnSpace.
        assertThat(result.get("parameters").asLong()).isEqualTo(50_186);
        assertThat(result.get("steps").asInt()).isEqualTo(2);
    }

    @Test
    void trainingTimesTheEvaluationNetworkOfADartsArchitecture() throws Exception {
        Path arch = Path.of("..", "benchmarks", "darts-derived-fcc0f50b.json");
        CliRun run =
                CliRun.of(
                        "bench-engine",
                        "training",
                        "--space",
                        "darts",
                        "--space-opt",
                        "channels=8",
                        "--space-opt",
                        "layers=3",
                        "--arch",
                        arch.toString(),
                        "--batch",
                        "4",
                        "--warmup",
                        "0",
                        "--steps",
                        "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("space").asText()).isEqualTo("darts");
        assertThat(result.get("architectureId").asText()).startsWith("fcc0f50b");
        // The retraining network (affine normalisation, no zero edges), not the supernet, which
        // holds every candidate on every edge and several times these parameters.
        assertThat(result.get("parameters").asLong()).isEqualTo(DARTS_PARAMETERS);
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
