package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.spaces.mlp.LinearProvider;
import org.djlnas.spaces.mlp.MlpProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exports networks of the table spaces, {@code mlp} and its baseline {@code linear}, for
 * classification and regression, and checks that DJL's TensorFlow engine computes what PyTorch
 * computes. The {@code mlp} architectures together use every activation, dropout above 0, batch
 * normalisation on and off, and 1 and 4 hidden layers; each case also checks that the compiled
 * network holds the blocks it is meant to exercise.
 */
class TableSpaceExportTest {

    private static final int FEATURES = 12;
    private static final int BATCH_SIZE = 8;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(
                        "mlp, 1 layer: gelu, dropout 0.3, batch norm; 3 classes",
                        space(new MlpProvider(), 3),
                        mlp(layer(32, "gelu", 0.3, true)),
                        List.of("BatchNorm", "gelu()", "Dropout(0.3)")),
                Arguments.of(
                        "mlp, 4 layers: relu, tanh, sigmoid, gelu; 3 classes",
                        space(new MlpProvider(), 3),
                        mlp(
                                layer(64, "relu", 0.0, false),
                                layer(16, "tanh", 0.1, true),
                                layer(128, "sigmoid", 0.0, true),
                                layer(16, "gelu", 0.3, false)),
                        List.of(
                                "relu()",
                                "tanh()",
                                "sigmoid()",
                                "gelu()",
                                "BatchNorm",
                                "Dropout(0.1)",
                                "Dropout(0.3)")),
                Arguments.of(
                        "mlp, 1 layer: sigmoid, no dropout, no batch norm; regression",
                        space(new MlpProvider(), 1),
                        mlp(layer(256, "sigmoid", 0.0, false)),
                        List.of("sigmoid()")),
                Arguments.of(
                        "mlp, 4 layers: tanh with batch norm, then gelu, relu, tanh; regression",
                        space(new MlpProvider(), 1),
                        mlp(
                                layer(16, "tanh", 0.0, true),
                                layer(32, "gelu", 0.1, true),
                                layer(16, "relu", 0.3, false),
                                layer(64, "tanh", 0.0, false)),
                        List.of("tanh()", "gelu()", "relu()", "BatchNorm", "Dropout(0.1)")),
                Arguments.of(
                        "linear, 3 classes (2 logits and a reference logit)",
                        space(new LinearProvider(), 3),
                        Architecture.of(Map.of()),
                        List.of("ReferenceLogit()")),
                Arguments.of(
                        "linear, 2 classes (1 logit and a reference logit)",
                        space(new LinearProvider(), 2),
                        Architecture.of(Map.of()),
                        List.of("ReferenceLogit()")),
                Arguments.of(
                        "linear, regression",
                        space(new LinearProvider(), 1),
                        Architecture.of(Map.of()),
                        List.of("ExpectFeatures(" + FEATURES + ")")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void tensorFlowComputesWhatPyTorchComputes(
            String name,
            SearchSpace space,
            Architecture architecture,
            List<String> expectedBlocks,
            @TempDir Path directory)
            throws Exception {
        Block network = space.compile(architecture);
        assertThat(blocks(network)).as("the blocks of %s", name).containsAll(expectedBlocks);
        ExportComparison.Result result =
                ExportComparison.compare(network, new Shape(FEATURES), BATCH_SIZE, directory);
        System.out.printf(
                "max |PyTorch - TensorFlow| = %.3g: %s%n", result.maxAbsoluteDifference(), name);
        int outputs = space.settings().getInt("classes");
        assertThat(result.pyTorchShape()).isEqualTo(new Shape(BATCH_SIZE, outputs));
        assertThat(result.tensorFlowShape()).isEqualTo(result.pyTorchShape());
        assertThat(result.maxAbsoluteDifference()).isLessThanOrEqualTo(ExportComparison.TOLERANCE);
    }

    /** Names every block of a tree twice: by its class and by its description. */
    private static List<String> blocks(Block block) {
        List<String> names = new ArrayList<>();
        names.add(block.getClass().getSimpleName());
        names.add(block.toString());
        for (Block child : block.getChildren().values()) {
            names.addAll(blocks(child));
        }
        return names;
    }

    private static Map<String, Object> layer(
            int width, String activation, double dropout, boolean batchNorm) {
        return Map.of(
                "width", width,
                "activation", activation,
                "dropout", dropout,
                "batch-norm", batchNorm);
    }

    @SafeVarargs
    private static Architecture mlp(Map<String, Object>... layers) {
        Map<String, Object> values = new HashMap<>();
        values.put("layers", layers.length);
        for (int i = 0; i < layers.length; i++) {
            for (Map.Entry<String, Object> choice : layers[i].entrySet()) {
                values.put("layers/" + i + "/" + choice.getKey(), choice.getValue());
            }
        }
        return Architecture.of(values);
    }

    private static SearchSpace space(SearchSpaceProvider provider, int classes) {
        return provider.create(
                Settings.resolve(
                        "space '" + provider.id() + "'",
                        provider.settings(),
                        Map.of(
                                "features",
                                String.valueOf(FEATURES),
                                "classes",
                                String.valueOf(classes))),
                OpRegistry.discover());
    }
}
