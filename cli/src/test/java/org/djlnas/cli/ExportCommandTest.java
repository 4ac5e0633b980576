package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
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
    void weightsOfAnotherNetworkAreRefusedAndLeaveNoFolder() throws Exception {
        Path weights = folder.resolve("weights");
        try (Model model = Model.newInstance("other", Engine.getDefaultEngineName())) {
            model.setBlock(Linear.builder().setUnits(2).build());
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4));
            model.save(weights, "model");
        }
        Path out = folder.resolve("out");

        CliRun run =
                CliRun.of(
                        "export",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{}",
                        "--params",
                        weights.toString(),
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("do not fit architecture")
                .endsWith("were they trained with other space settings?\n");
        assertThat(out).doesNotExist();
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
