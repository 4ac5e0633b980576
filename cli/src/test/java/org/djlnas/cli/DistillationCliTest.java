package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knowledge distillation end to end on a Fashion-MNIST subset: a small-cnn teacher retrained (and
 * published) first, then a NAS-Bench-201 student retrained with each kind of teacher, and a search
 * whose candidates learn from one.
 */
@Tag("integration")
class DistillationCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The small-cnn teacher both tests learn from, retrained once. */
    @TempDir static Path shared;

    private static Path teacher;
    private static double teacherAccuracy;

    @TempDir Path folder;

    @BeforeAll
    static void retrainTheTeacher() throws Exception {
        teacher = shared.resolve("teacher");
        CliRun retrain =
                CliRun.of(
                        "retrain",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{}",
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "1024",
                        "--out",
                        teacher.toString(),
                        "--json");
        assertThat(retrain.exitCode()).as(retrain.err()).isZero();
        teacherAccuracy = JSON.readTree(retrain.out()).get("testAccuracy").asDouble();
    }

    private static String[] student(Path out, String... more) {
        String[] base = {
            "retrain",
            "--space",
            "nas-bench-201",
            "--space-opt",
            "channels=4",
            "--space-opt",
            "cells=1",
            "--arch",
            BadInputFixture.ARCHITECTURE,
            "--epochs",
            "1",
            "--max-train-examples",
            "1024",
            "--seed",
            "3",
            "--out",
            out.toString(),
            "--json"
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aStudentLearnsFromARetrainedAndFromAPublishedTeacher() throws Exception {
        assertThat(teacherAccuracy).as("the teacher beats chance (0.1) by far").isGreaterThan(0.5);

        CliRun plain = CliRun.of(student(folder.resolve("plain")));
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        CliRun taught =
                CliRun.of(
                        student(
                                folder.resolve("taught"),
                                "--teacher",
                                teacher.toString(),
                                "--teacher-temperature",
                                "3",
                                "--teacher-weight",
                                "0.8"));
        assertThat(taught.exitCode()).as(taught.err()).isZero();
        assertThat(taught.err()).contains("learning from " + teacher);
        JsonNode plainResult = JSON.readTree(plain.out());
        JsonNode taughtResult = JSON.readTree(taught.out());
        assertThat(taughtResult.get("testAccuracy").asDouble())
                .as("64 steps on 1,024 images beat chance (0.1)")
                .isGreaterThan(0.2);
        assertThat(taughtResult.get("testAccuracy").asDouble())
                .as("the same seed trains another network when a teacher is heard")
                .isNotEqualTo(plainResult.get("testAccuracy").asDouble());
        JsonNode recorded =
                JSON.readTree(folder.resolve("taught").resolve("retrain.json").toFile())
                        .get("distillation");
        assertThat(recorded.get("teacher").asText()).isEqualTo(teacher.toAbsolutePath().toString());
        assertThat(recorded.get("temperature").asDouble()).isEqualTo(3.0);
        assertThat(recorded.get("weight").asDouble()).isEqualTo(0.8, within(1e-6));

        // A small-cnn teacher published in a zoo, given by its model folder (the newest version).
        Path zoo = folder.resolve("zoo");
        CliRun publish =
                CliRun.of(
                        "publish",
                        "--space",
                        "small-cnn",
                        "--arch",
                        "{}",
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "1024",
                        "--zoo",
                        zoo.toString(),
                        "--name",
                        "teacher",
                        "--json");
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        Path version = Path.of(JSON.readTree(publish.out()).get("folder").asText());
        CliRun fromZoo =
                CliRun.of(
                        student(
                                folder.resolve("from-zoo"),
                                "--teacher",
                                version.getParent().toString()));
        assertThat(fromZoo.exitCode()).as(fromZoo.err()).isZero();
        assertThat(JSON.readTree(fromZoo.out()).get("testAccuracy").asDouble()).isGreaterThan(0.2);
    }

    @Test
    void searchCandidatesLearnFromATeacher() throws Exception {
        Path experiment = folder.resolve("search");
        CliRun search =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--space-opt",
                        "channels=4",
                        "--space-opt",
                        "cells=1",
                        "--strategy",
                        "random",
                        "--trials",
                        "2",
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "512",
                        "--evaluator-opt",
                        "teacher=" + teacher,
                        "--evaluator-opt",
                        "teacher-weight=0.5",
                        "--out",
                        experiment.toString(),
                        "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        CliRun trials = CliRun.of("trials", experiment.toString(), "--json");
        JsonNode rows = JSON.readTree(trials.out());
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            assertThat(row.get("state").asText()).isEqualTo("done");
        }
    }
}
