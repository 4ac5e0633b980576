package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas export}'s refusals: each names what is wrong and exits with status 2. */
class ExportCommandTest {

    @TempDir Path folder;

    @Test
    void anEngineThatCannotExportIsRefusedNamingTheOneThatCan() {
        CliRun run =
                CliRun.of(
                        "export",
                        "--engine",
                        "PyTorch",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{}",
                        "--params",
                        folder.toString(),
                        "--out",
                        folder.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("engine PyTorch cannot export; engines that can: TensorFlow");
    }

    @Test
    void anExperimentWithoutRetrainedWeightsSaysHowToGetThem() {
        CliRun run =
                CliRun.of(
                        "export",
                        "--experiment",
                        folder.toString(),
                        "--out",
                        folder.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no retrained network in").contains("nas retrain");
    }

    @Test
    void aFolderWithoutParametersIsRefused() {
        CliRun run =
                CliRun.of(
                        "export",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{}",
                        "--params",
                        folder.toString(),
                        "--out",
                        folder.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("holds no NAME-NNNN.params file");
    }
}
