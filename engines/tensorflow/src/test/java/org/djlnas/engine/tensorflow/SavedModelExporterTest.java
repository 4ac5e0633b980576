package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SavedModel's form: its signature, its dynamic batch size, and what cannot be exported. */
class SavedModelExporterTest {

    private static final Shape IMAGE = new Shape(3, 6, 5);

    @Test
    void writesTheServingSignatureWithADynamicBatch(@TempDir Path directory) throws Exception {
        Block block = convolution();
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(IMAGE));
            new SavedModelExporter(ExportComparison.tensorFlow()).export(block, IMAGE, directory);
            assertThat(directory.resolve("saved_model.pb")).isRegularFile();

            try (ZooModel<NDList, NDList> model = ExportComparison.load(directory);
                    Predictor<NDList, NDList> predictor = model.newPredictor()) {
                assertThat(model.describeInput().get(0))
                        .isEqualTo(new Pair<>("input", new Shape(-1, 3, 6, 5)));
                assertThat(model.describeOutput().get(0).getKey()).isEqualTo("output");
                for (int batchSize : new int[] {1, 5}) {
                    NDArray input = manager.randomNormal(new Shape(batchSize).addAll(IMAGE));
                    float[] expected =
                            block.forward(
                                            new ParameterStore(manager, false),
                                            new NDList(input),
                                            false)
                                    .singletonOrThrow()
                                    .toFloatArray();
                    NDArray output =
                            predictor
                                    .predict(
                                            new NDList(
                                                    model.getNDManager()
                                                            .create(
                                                                    input.toFloatArray(),
                                                                    input.getShape())))
                                    .singletonOrThrow();
                    assertThat(output.getShape()).isEqualTo(new Shape(batchSize, 4, 6, 5));
                    assertThat(output.toFloatArray())
                            .containsExactly(expected, offset((float) ExportComparison.TOLERANCE));
                }
            }
        }
    }

    @Test
    void replacesAnEarlierExport(@TempDir Path directory) throws Exception {
        ExportComparison.compare(convolution(), IMAGE, 2, directory);
        ExportComparison.Result second =
                ExportComparison.compare(convolution(), IMAGE, 2, directory);
        assertThat(second.maxAbsoluteDifference()).isLessThanOrEqualTo(ExportComparison.TOLERANCE);
    }

    @Test
    void namesABlockItCannotExport(@TempDir Path directory) throws IOException {
        Block block = new SequentialBlock().add(convolution()).add(Activation.reluBlock());
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(IMAGE));
            SavedModelExporter exporter = new SavedModelExporter(ExportComparison.tensorFlow());
            assertThatThrownBy(() -> exporter.export(block, IMAGE, directory))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("LambdaBlock");
        }
        try (var files = Files.list(directory)) {
            assertThat(files).as("nothing was written").isEmpty();
        }
    }

    @Test
    void rejectsAnImageShapeThatIsNotChannelsHeightWidth(@TempDir Path directory) {
        SavedModelExporter exporter = new SavedModelExporter(ExportComparison.tensorFlow());
        for (Shape bad : List.of(new Shape(1, 3, 6, 5), new Shape(6, 5), new Shape(3, 0, 5))) {
            assertThatThrownBy(() -> exporter.export(convolution(), bad, directory))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("imageShape");
        }
    }

    @Test
    void needsTheTensorFlowEngine() {
        assertThatThrownBy(() -> new SavedModelExporter(Engine.getEngine("PyTorch")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PyTorch");
    }

    private static Block convolution() {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .setFilters(4)
                .optPadding(new Shape(1, 1))
                .build();
    }
}
