package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The description saved with a trial's parameters, through a real save and load: its property names
 * are those checkpoints have always had, so checkpoints written earlier still continue.
 */
class CheckpointTest {

    @TempDir Path folder;

    private final Architecture architecture = Architecture.of(Map.of("cell/node1/from0", "none"));

    /** Saves a small model with the given properties and loads it back into a fresh one. */
    private Model saveAndLoad(Consumer<Model> describe) throws Exception {
        String engine = TestEngine.name();
        Shape input = new Shape(1, 4);
        try (Model model = Model.newInstance("saved", engine)) {
            model.setBlock(Linear.builder().setUnits(2).build());
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, input);
            describe.accept(model);
            model.save(folder, TrainingEvaluator.MODEL_PREFIX);
        }
        Model loaded = Model.newInstance("loaded", engine);
        loaded.setBlock(Linear.builder().setUnits(2).build());
        loaded.getBlock().initialize(loaded.getNDManager(), DataType.FLOAT32, input);
        loaded.load(folder, TrainingEvaluator.MODEL_PREFIX);
        return loaded;
    }

    @Test
    void writesThePropertiesEarlierCheckpointsHave() throws Exception {
        TrialSpec trial = new TrialSpec(7, architecture, new Budget(1.5, 2000), -3L);
        Checkpoint checkpoint =
                Checkpoint.of(trial, "nas-bench-201", "fashion-mnist", "accuracy", 0.625);
        try (Model loaded = saveAndLoad(checkpoint::writeTo)) {
            assertThat(loaded.getProperty("architectureId")).isEqualTo(architecture.id());
            assertThat(loaded.getProperty("architecture")).isEqualTo(architecture.toJson());
            assertThat(loaded.getProperty("space")).isEqualTo("nas-bench-201");
            assertThat(loaded.getProperty("dataset")).isEqualTo("fashion-mnist");
            assertThat(loaded.getProperty("trial")).isEqualTo("7");
            assertThat(loaded.getProperty("seed")).isEqualTo("-3");
            assertThat(loaded.getProperty("epochs")).isEqualTo("1.5");
            assertThat(loaded.getProperty("maxTrainExamples")).isEqualTo("2000");
            assertThat(loaded.getProperty("accuracy")).isEqualTo("0.625");
            assertThat(Checkpoint.readFrom(loaded)).contains(checkpoint);
        }
    }

    @Test
    void readsACheckpointWrittenPropertyByProperty() throws Exception {
        // As the evaluator wrote checkpoints before the record existed.
        try (Model loaded =
                saveAndLoad(
                        model -> {
                            model.setProperty("architecture", architecture.toJson());
                            model.setProperty("architectureId", architecture.id());
                            model.setProperty("space", "s");
                            model.setProperty("dataset", "d");
                            model.setProperty("trial", "2");
                            model.setProperty("seed", "11");
                            model.setProperty("epochs", "1.0");
                            model.setProperty("maxTrainExamples", "0");
                            model.setProperty("accuracy", "0.5");
                        })) {
            assertThat(Checkpoint.readFrom(loaded))
                    .contains(
                            new Checkpoint(
                                    architecture.id(),
                                    architecture.toJson(),
                                    "s",
                                    "d",
                                    2,
                                    11,
                                    new Budget(1, 0),
                                    "accuracy",
                                    0.5));
        }
    }

    @Test
    void parametersWithoutADescriptionAreNoCheckpoint() throws Exception {
        try (Model loaded =
                saveAndLoad(model -> model.setProperty("architectureId", architecture.id()))) {
            assertThat(Checkpoint.readFrom(loaded)).isEmpty();
        }
    }
}
