package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.RandomAccessDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SpaceCatalog;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a teacher: a retrained network's folder, and every way the teacher setting can be wrong
 * (a one-line message naming the setting and what was expected).
 */
class TeacherTest {

    private static final String FIELD = "`teacher`";
    private static final SpaceCatalog SPACES = (id, settings) -> new TinyMlpSpace(3);

    @TempDir Path folder;

    /** Rows of 4 features, as a table of 3 classes or a regression; nothing is ever read. */
    private record Rows(Task task) implements DataSource {

        @Override
        public String id() {
            return "rows";
        }

        @Override
        public DataInput input() {
            return new DataInput.Features(List.of("a", "b", "c", "d"));
        }

        @Override
        public Map<String, Object> preprocessing() {
            return Map.of();
        }

        @Override
        public int trainingSetSize() {
            return 0;
        }

        @Override
        public RandomAccessDataset train(
                DataSplit split, int maxTrainExamples, int batchSize, long shuffleSeed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RandomAccessDataset validation(DataSplit split, int batchSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RandomAccessDataset test(int batchSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RandomAccessDataset trainingExamples(
                int[] indices, int batchSize, long shuffleSeed) {
            throw new UnsupportedOperationException();
        }
    }

    private static final DataSource THREE_CLASSES =
            new Rows(new Task.Classification(List.of("x", "y", "z")));

    /** Writes what a retraining writes: retrain.json and weights/model-0000.params. */
    private Path retrained(Path at) throws Exception {
        TinyMlpSpace space = new TinyMlpSpace(3);
        Files.createDirectories(at.resolve("weights"));
        try (Model model = Model.newInstance("t", TestEngine.name())) {
            Block block = space.compile(space.architecture());
            model.setBlock(block);
            Engine.getEngine(TestEngine.name()).setRandomSeed(5);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4));
            model.save(at.resolve("weights"), TrainingEvaluator.MODEL_PREFIX);
        }
        Files.writeString(
                at.resolve("retrain.json"),
                "{\"space\": \"tiny-mlp\", \"spaceSettings\": {}, \"architecture\": "
                        + space.architecture().toJson()
                        + "}");
        return at;
    }

    private Teacher open(Path path, DataSource data) throws Exception {
        return Teacher.open(Distillation.of(path), TestEngine.name(), SPACES, data, FIELD);
    }

    @Test
    void loadsARetrainedNetworkAndRunsItWithoutGradients() throws Exception {
        Path weights = retrained(folder.resolve("teacher"));
        try (Teacher teacher = open(weights, THREE_CLASSES);
                Model reference = Model.newInstance("r", TestEngine.name());
                NDManager manager = NDManager.newBaseManager(TestEngine.name())) {
            assertThat(teacher.description())
                    .isEqualTo("the retrained tiny-mlp network in " + weights);
            TinyMlpSpace space = new TinyMlpSpace(3);
            reference.setBlock(space.compile(space.architecture()));
            reference.load(weights.resolve("weights"), TrainingEvaluator.MODEL_PREFIX);
            NDArray x = manager.randomNormal(new Shape(5, 4));
            NDList targets =
                    teacher.targets(new NDList(x), new NDList(manager.zeros(new Shape(5))));
            assertThat(targets).hasSize(2);
            NDArray expected =
                    reference
                            .getBlock()
                            .forward(new ParameterStore(manager, false), new NDList(x), false)
                            .head();
            assertThat(targets.get(1).getShape()).isEqualTo(new Shape(5, 3));
            assertThat(targets.get(1).sub(expected).abs().max().getFloat())
                    .isCloseTo(0f, within(1e-6f));
            assertThat(targets.get(1).getManager()).isSameAs(x.getManager());
            assertThat(targets.get(1).hasGradient()).isFalse();
        }
        // An experiment folder whose retrain/ holds it works too.
        retrained(folder.resolve("experiment").resolve("retrain"));
        try (Teacher teacher = open(folder.resolve("experiment"), THREE_CLASSES)) {
            assertThat(teacher.description()).endsWith(Path.of("experiment", "retrain").toString());
        }
    }

    @Test
    void theEvaluatorThatOpenedATeacherClosesItWhenClosed() throws Exception {
        Path weights = retrained(folder.resolve("teacher"));
        TrainingEvaluatorProvider provider = new TrainingEvaluatorProvider();
        try (NDManager probe = NDManager.newBaseManager(TestEngine.name())) {
            NDManager engine = probe.getParentManager();
            int before = engine.getManagedArrays().size();

            Evaluator evaluator =
                    provider.create(
                            new EvaluatorContext(
                                    new TinyMlpSpace(3),
                                    Settings.resolve(
                                            "evaluator 'training'",
                                            provider.settings(),
                                            Map.of("teacher", weights.toString())),
                                    1,
                                    Optional.of(TestEngine.name()),
                                    folder.resolve("experiment"),
                                    Optional.of(THREE_CLASSES),
                                    Map.of(),
                                    EngineSelector.none(),
                                    SPACES));
            int open = engine.getManagedArrays().size();
            ((AutoCloseable) evaluator).close();

            assertThat(open).as("with the teacher's weights").isGreaterThan(before);
            assertThat(engine.getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void aTeacherOfOtherClassesIsRefused() throws Exception {
        Path teacher = retrained(folder.resolve("teacher"));
        DataSource fourClasses = new Rows(new Task.Classification(List.of("a", "b", "c", "d")));
        assertThatThrownBy(() -> open(teacher, fourClasses))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`teacher` "
                                + teacher
                                + " gives outputs of shape (1, 3) for one example; expected (1,"
                                + " 4), one logit per class of data set 'rows'");
    }

    @Test
    void aRegressionIsRefused() throws Exception {
        Path teacher = retrained(folder.resolve("teacher"));
        DataSource regression = new Rows(new Task.Regression("price", 3, 2));
        assertThatThrownBy(() -> open(teacher, regression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`teacher` "
                                + teacher
                                + " distils class probabilities, but data set 'rows' is a"
                                + " regression; expected a classification data set");
    }

    @Test
    void whatIsNotATeacherIsNamed() throws Exception {
        Path missing = folder.resolve("missing");
        assertThatThrownBy(() -> open(missing, THREE_CLASSES))
                .hasMessage(
                        "`teacher` "
                                + missing
                                + " is not a folder; expected a retrained network or a published"
                                + " model");
        Path empty = Files.createDirectories(folder.resolve("empty"));
        assertThatThrownBy(() -> open(empty, THREE_CLASSES))
                .hasMessage(
                        "`teacher` "
                                + empty
                                + " holds no retrain.json (nor retrain/retrain.json) and no"
                                + " serving.properties; expected a retrained network or a"
                                + " published model's folder");
        Path broken = retrained(folder.resolve("broken"));
        Files.writeString(broken.resolve("weights").resolve("model-0000.params"), "not weights");
        assertThatThrownBy(() -> open(broken, THREE_CLASSES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "`teacher` "
                                + broken
                                + " is a retrained network whose weights do not load");
    }
}
