package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.SklearnTables.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas retrain} then {@code nas export} of table networks: an {@code mlp} of gelu and sigmoid
 * layers with batch normalisation and dropout on iris, and the {@code linear} baselines on iris
 * (classification, with its reference logit) and diabetes (regression). Each export's predictions
 * match the trained network's, as {@code nas export} checks and reports.
 */
@Tag("integration")
class TableExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String MLP =
            "{\"layers\": 2,"
                    + " \"layers/0/width\": 32, \"layers/0/activation\": \"gelu\","
                    + " \"layers/0/dropout\": 0.3, \"layers/0/batch-norm\": true,"
                    + " \"layers/1/width\": 16, \"layers/1/activation\": \"sigmoid\","
                    + " \"layers/1/dropout\": 0.0, \"layers/1/batch-norm\": false}";

    @TempDir Path folder;

    @Test
    void anMlpOfGeluAndSigmoidOnIrisExports() throws Exception {
        retrainAndExport(Table.IRIS, "mlp", MLP);
    }

    @Test
    void theLinearClassifierOnIrisExports() throws Exception {
        retrainAndExport(Table.IRIS, "linear", "{}");
    }

    @Test
    void theLinearRegressionOnDiabetesExports() throws Exception {
        retrainAndExport(Table.DIABETES, "linear", "{}");
    }

    private void retrainAndExport(Table table, String space, String architecture) throws Exception {
        SklearnTables.require();
        Path file = SklearnTables.write(table, folder);
        Path experiment = folder.resolve(space);
        CliRun retrain =
                CliRun.of(
                        "retrain",
                        "--space",
                        space,
                        "--arch",
                        architecture,
                        "--dataset",
                        "csv:" + file,
                        "--data-opt",
                        "target=" + table.target(),
                        "--epochs",
                        "2",
                        "--out",
                        experiment.resolve("retrain").toString(),
                        "--json");
        assertThat(retrain.exitCode()).as(retrain.err()).isZero();

        Path exported = folder.resolve("tensorflow");
        CliRun export =
                CliRun.of(
                        "export",
                        "--experiment",
                        experiment.toString(),
                        "--out",
                        exported.toString(),
                        "--json");
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode result = JSON.readTree(export.out());
        System.out.printf(
                "nas export, %s on %s: max difference %s%n",
                space, table.id(), result.get("maxDifference"));
        assertThat(result.get("engine").asText()).isEqualTo("TensorFlow");
        assertThat(result.get("space").asText()).isEqualTo(space);
        assertThat(result.get("maxDifference").asDouble()).isBetween(0.0, 1e-4);
        assertThat(exported.resolve("saved_model.pb")).exists();
    }
}
