package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;

/**
 * Runs a block on PyTorch, exports it, runs the SavedModel through DJL's TensorFlow engine on the
 * same input, and compares the two outputs.
 */
final class ExportComparison {

    /** The largest absolute difference the tests accept between PyTorch and TensorFlow. */
    static final double TOLERANCE = 1e-4;

    private static final String REFERENCE_ENGINE = "PyTorch";
    private static final int BATCH_NORM_WARM_UP_PASSES = 3;

    private ExportComparison() {}

    /**
     * The outputs of both runtimes, compared.
     *
     * @param pyTorchShape the shape PyTorch computed
     * @param tensorFlowShape the shape the SavedModel computed
     * @param maxAbsoluteDifference the largest absolute difference of two corresponding values
     */
    record Result(Shape pyTorchShape, Shape tensorFlowShape, double maxAbsoluteDifference) {}

    /**
     * Returns DJL's TensorFlow engine, chosen as an application would choose it.
     *
     * @return the loaded engine
     */
    static Engine tensorFlow() {
        return EngineSelector.discover()
                .select(Optional.of(TensorFlowSupport.ENGINE_NAME), EngineCapability.EXPORT);
    }

    /**
     * Initializes a block on PyTorch with random weights, gives its batch normalisations
     * non-trivial scales, shifts and running statistics, and compares its inference output with
     * that of its export on one random batch.
     *
     * @param block an uninitialized block
     * @param imageShape the shape of one input image, {@code (C, H, W)}
     * @param batchSize the number of images in the batch
     * @param directory an empty folder for the SavedModel
     * @return the comparison
     */
    static Result compare(Block block, Shape imageShape, int batchSize, Path directory)
            throws IOException,
                    ModelNotFoundException,
                    MalformedModelException,
                    TranslateException {
        Engine pyTorch = Engine.getEngine(REFERENCE_ENGINE);
        pyTorch.setRandomSeed(20_260_101);
        try (NDManager manager = pyTorch.newBaseManager()) {
            Shape batchShape = new Shape(batchSize).addAll(imageShape);
            block.initialize(manager, DataType.FLOAT32, batchShape);
            warmUpBatchNorms(block, manager, batchShape);
            NDArray input = manager.randomNormal(batchShape);
            NDArray expected =
                    block.forward(new ParameterStore(manager, false), new NDList(input), false)
                            .singletonOrThrow();
            return compare(block, imageShape, input, expected, directory);
        }
    }

    /**
     * Exports an initialized block and compares the SavedModel's output with an expected one.
     *
     * @param block an initialized block
     * @param imageShape the shape of one input image
     * @param input a batch of images on any engine
     * @param expected the block's inference output for the batch
     * @param directory an empty folder for the SavedModel
     * @return the comparison
     */
    static Result compare(
            Block block, Shape imageShape, NDArray input, NDArray expected, Path directory)
            throws IOException,
                    ModelNotFoundException,
                    MalformedModelException,
                    TranslateException {
        new SavedModelExporter(tensorFlow()).export(block, imageShape, directory);
        float[] actual;
        Shape actualShape;
        try (ZooModel<NDList, NDList> model = load(directory);
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray tensorFlowInput =
                    model.getNDManager().create(input.toFloatArray(), input.getShape());
            NDArray output = predictor.predict(new NDList(tensorFlowInput)).singletonOrThrow();
            actual = output.toFloatArray();
            actualShape = output.getShape();
        }
        float[] reference = expected.toFloatArray();
        double difference = 0;
        if (actual.length == reference.length) {
            for (int i = 0; i < actual.length; i++) {
                difference = Math.max(difference, Math.abs(actual[i] - reference[i]));
            }
        } else {
            difference = Double.POSITIVE_INFINITY;
        }
        return new Result(expected.getShape(), actualShape, difference);
    }

    /**
     * Loads a SavedModel as an application would.
     *
     * @param directory the SavedModel's folder
     * @return the model
     */
    static ZooModel<NDList, NDList> load(Path directory)
            throws IOException, ModelNotFoundException, MalformedModelException {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(directory)
                .optEngine(TensorFlowSupport.ENGINE_NAME)
                .build()
                .loadModel();
    }

    /**
     * Gives every batch normalisation random scales and shifts, and moves its running statistics
     * away from zero mean and unit variance with a few forward passes in training mode over
     * shifted, scaled inputs.
     */
    private static void warmUpBatchNorms(Block block, NDManager manager, Shape batchShape) {
        List<Block> batchNorms = new ArrayList<>();
        collectBatchNorms(block, batchNorms);
        if (batchNorms.isEmpty()) {
            return;
        }
        for (Block batchNorm : batchNorms) {
            randomize(batchNorm.getParameters().get("gamma"), manager, 0.5f, 1.5f);
            randomize(batchNorm.getParameters().get("beta"), manager, -0.5f, 0.5f);
        }
        ParameterStore store = new ParameterStore(manager, false);
        for (int pass = 0; pass < BATCH_NORM_WARM_UP_PASSES; pass++) {
            try (NDManager scratch = manager.newSubManager()) {
                NDArray shifted = scratch.randomNormal(0.5f, 2f, batchShape, DataType.FLOAT32);
                block.forward(store, new NDList(shifted), true);
            }
        }
        for (Block batchNorm : batchNorms) {
            NDArray runningMean = batchNorm.getParameters().get("runningMean").getArray();
            NDArray runningVariance = batchNorm.getParameters().get("runningVar").getArray();
            // deep in a network, a normalisation's input may keep a variance near 1 (MobileNet's
            // ReLU6 blocks do); its mean then moves instead
            assertThat(
                            Math.max(
                                    runningMean.abs().max().getFloat(),
                                    runningVariance.sub(1f).abs().max().getFloat()))
                    .as(
                            "the warm-up moved the running statistics of %s away from mean 0 and"
                                    + " variance 1",
                            batchNorm)
                    .isGreaterThan(0.1f);
        }
    }

    private static void collectBatchNorms(Block block, List<Block> batchNorms) {
        if (block instanceof BatchNorm) {
            batchNorms.add(block);
        }
        for (Block child : block.getChildren().values()) {
            collectBatchNorms(child, batchNorms);
        }
    }

    private static void randomize(Parameter parameter, NDManager manager, float low, float high) {
        NDArray array = parameter.getArray();
        try (NDArray values =
                manager.randomUniform(low, high, array.getShape(), DataType.FLOAT32)) {
            array.set(values.toFloatArray());
        }
    }
}
