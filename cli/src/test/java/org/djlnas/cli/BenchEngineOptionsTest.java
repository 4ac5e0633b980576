package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code nas bench-engine}'s choice of network: bad input is one line, before anything runs. */
class BenchEngineOptionsTest {

    @Test
    void aSpaceNeedsAnArchitecture() {
        CliRun run = CliRun.of("bench-engine", "training", "--space", "darts");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--space darts needs --arch");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anArchitectureOrSpaceSettingNeedsASpace() {
        CliRun arch = CliRun.of("bench-engine", "training", "--arch", "{}");
        assertThat(arch.exitCode()).isEqualTo(2);
        assertThat(arch.err().strip()).doesNotContain("\n").contains("need --space ID");
        CliRun setting = CliRun.of("bench-engine", "inference", "--space-opt", "channels=8");
        assertThat(setting.exitCode()).isEqualTo(2);
        assertThat(setting.err().strip()).doesNotContain("\n").contains("need --space ID");
    }

    @Test
    void anArchitectureOfAnotherSpaceNamesTheLabel() {
        CliRun run =
                CliRun.of(
                        "bench-engine",
                        "training",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{\"normal/node2/inputs\": [0, 1]}");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("normal/node2/inputs");
    }

    @Test
    void anUnknownSpaceSettingNamesIt() {
        CliRun run =
                CliRun.of(
                        "bench-engine",
                        "training",
                        "--space",
                        "darts",
                        "--space-opt",
                        "colours=3",
                        "--arch",
                        "{}");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("colours");
    }
}
