package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.djlnas.runtime.kernels.KernelCheck;
import org.junit.jupiter.api.Test;

class CheckKernelsCommandTest {

    @Test
    void jsonReportsEveryCaseAndTheCapInEffectAndPasses() throws Exception {
        CliRun run = CliRun.of("check-kernels", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode output = Json.tree(run.out());
        assertThat(output.get("passed").asBoolean()).isTrue();
        JsonNode report = output;
        assertThat(report.get("engine").asText()).isEqualTo("PyTorch");
        assertThat(report.get("instructionSetCap").asText())
                .isEqualTo(KernelCheck.instructionSetCap());
        assertThat(report.get("cases").size()).isGreaterThanOrEqualTo(29);
        JsonNode first = report.get("cases").get(0);
        assertThat(first.get("group").asText()).isEqualTo("convolution");
        assertThat(first.get("worstRelativeError").asDouble()).isLessThan(1e-5);
        assertThat(first.get("passed").asBoolean()).isTrue();
    }

    @Test
    void aBoundNoKernelMeetsFailsWithStatus3AndOneLineNamingTheCase() {
        CliRun run = CliRun.of("check-kernels", "--tolerance", "1e-12");

        assertThat(run.exitCode()).isEqualTo(CheckKernelsCommand.FAILED);
        assertThat(run.out()).contains("FAILED", "cases FAILED");
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("nas: kernel check failed: conv 3x3, batch 2, 4->4 channels, 8x8")
                .contains("(convolution)", "above 1e-12", "oneDNN instruction-set cap");
    }

    @Test
    void aToleranceOutOfRangeIsBadInputNamingTheFlag() {
        CliRun run = CliRun.of("check-kernels", "--tolerance", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip())
                .isEqualTo("nas: --tolerance is 2.0; expected a number between 0 and 1");
    }

    @Test
    void aMalformedToleranceIsBadInput() {
        CliRun run = CliRun.of("check-kernels", "--tolerance", "tight");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("--tolerance", "tight");
    }
}
