package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.dataset.Batch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.settings.Settings;
import org.djlnas.runtime.data.text.TextFolderProvider;
import org.djlnas.testing.SpamAssassin;
import org.djlnas.zoo.NasModelZoo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A textnas search on 600 raw e-mails of the SpamAssassin corpus, spam against ham, trains end to
 * end through the command line and its retrained network beats always answering the majority class
 * on the held-out test e-mails.
 */
@Tag("integration")
class TextSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path folder;

    private static Path mail;

    @BeforeAll
    static void writeMail() throws Exception {
        mail = folder.resolve("mail");
        SpamAssassin.writeTextFolder(SpamAssassin.require(), mail, 600, 1);
    }

    /** The share of the test e-mails in their most frequent class. */
    private static double majorityShare(Map<String, String> options) throws Exception {
        TextFolderProvider provider = new TextFolderProvider();
        DataSource source =
                provider.open(
                        Optional.of(mail.toString()),
                        Settings.resolve("text-folder", provider.options(), options));
        int spam = 0;
        int all = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Batch batch : source.test(50).getData(manager)) {
                for (float label : batch.getLabels().head().toFloatArray()) {
                    spam += label == 1f ? 1 : 0;
                    all++;
                }
                batch.close();
            }
        }
        return Math.max(spam, all - spam) / (double) all;
    }

    @Test
    void aTextnasSearchBeatsTheMajorityClass() throws Exception {
        Path experiment = folder.resolve("search");
        CliRun search =
                CliRun.of(
                        "search",
                        "--space",
                        "textnas",
                        "--space-opt",
                        "nodes=2",
                        "--strategy",
                        "random",
                        "--trials",
                        "2",
                        "--epochs",
                        "3",
                        "--dataset",
                        "text-folder:" + mail,
                        "--data-opt",
                        "length=64",
                        "--data-opt",
                        "vocabulary=5000",
                        "--seed",
                        "3",
                        "--out",
                        experiment.toString(),
                        "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode found = JSON.readTree(search.out());
        assertThat(found.get("best").get("architecture").get("cell/node1/from0")).isNotNull();

        CliRun retrain =
                CliRun.of(
                        "retrain",
                        "--experiment",
                        experiment.toString(),
                        "--epochs",
                        "5",
                        "--json");
        assertThat(retrain.exitCode()).as(retrain.err()).isZero();
        JsonNode result = JSON.readTree(retrain.out());
        double majority = majorityShare(Map.of("length", "64", "vocabulary", "5000"));
        assertThat(majority).isBetween(0.6, 0.8);
        assertThat(result.get("testAccuracy").asDouble()).isGreaterThan(majority + 0.1);
        Path zoo = folder.resolve("zoo");
        CliRun publish =
                CliRun.of(
                        "publish",
                        "--experiment",
                        experiment.toString(),
                        "--zoo",
                        zoo.toString(),
                        "--name",
                        "spam",
                        "--json");
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        Criteria<String, Classifications> criteria =
                Criteria.builder()
                        .setTypes(String.class, Classifications.class)
                        .optModelZoo(NasModelZoo.of(zoo))
                        .optArtifactId("spam")
                        .build();
        try (ZooModel<String, Classifications> model = criteria.loadModel();
                Predictor<String, Classifications> predictor = model.newPredictor()) {
            Classifications classified =
                    predictor.predict(
                            new String(
                                    Files.readAllBytes(firstFile(mail.resolve("spam"))),
                                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(classified.getClassNames()).containsExactlyInAnyOrder("ham", "spam");
            assertThat(
                            classified.getProbabilities().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum())
                    .isCloseTo(1.0, within(1e-5));
        }

        CliRun export =
                CliRun.of(
                        "export",
                        "--experiment",
                        experiment.toString(),
                        "--out",
                        folder.resolve("tensorflow").toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err().strip().lines().filter(line -> line.startsWith("nas: ")))
                .singleElement()
                .asString()
                .contains("is text: export covers networks on images and tables");
        System.out.printf(
                "textnas on 600 e-mails: test accuracy %.3f (majority class %.3f)%n",
                result.get("testAccuracy").asDouble(), majority);
    }

    private static Path firstFile(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.sorted().findFirst().orElseThrow();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "darts, validation-batches=2",
        "darts-2nd, validation-batches=2",
        "gdas, validation-batches=2",
        "spos, evolution-candidates=4"
    })
    void oneShotStrategiesSearchTheTextCell(String strategy, String option) throws Exception {
        CliRun search =
                CliRun.of(
                        "search",
                        "--space",
                        "textnas",
                        "--space-opt",
                        "embedding-size=16",
                        "--space-opt",
                        "nodes=2",
                        "--strategy",
                        strategy,
                        "--strategy-opt",
                        option,
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "256",
                        "--dataset",
                        "text-folder:" + mail,
                        "--data-opt",
                        "length=32",
                        "--seed",
                        "1",
                        "--out",
                        folder.resolve(strategy).toString(),
                        "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode architecture = JSON.readTree(search.out()).get("architecture");
        assertThat(architecture.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "cell/node1/from0", "cell/node2/from0", "cell/node2/from1");
    }
}
