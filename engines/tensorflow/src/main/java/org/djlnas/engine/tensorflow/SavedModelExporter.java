package org.djlnas.engine.tensorflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.djlnas.api.engine.NetworkExporter;
import org.djlnas.api.export.GraphLowering;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Exports a trained image network, a DJL block tree trained on any engine, as a TensorFlow
 * SavedModel that DJL's TensorFlow engine (or TensorFlow Serving, or Python) runs.
 *
 * <p>The SavedModel has the tag {@value #TAG} and the signature {@value #SIGNATURE_KEY}, which
 * DJL's TensorFlow engine loads by default, with one input {@value #INPUT_NAME}, float32 images
 * {@code (N, C, H, W)} of any batch size, and one output {@value #OUTPUT_NAME}, in DJL's layout as
 * well. The trained weights are constants of the graph (a frozen graph: there are no variables), so
 * the whole model is one {@code saved_model.pb}, which protocol buffers limit to 2 GB.
 *
 * <p>Loading it with DJL:
 *
 * <pre>{@code
 * Criteria.builder()
 *         .setTypes(NDList.class, NDList.class)
 *         .optModelPath(directory)
 *         .optEngine("TensorFlow")
 *         .build()
 *         .loadModel()
 * }</pre>
 *
 * <p>The block is lowered by {@link GraphLowering} onto a {@link TensorFlowGraphBuilder}: blocks
 * that are neither DJL's standard layers that {@link GraphLowering} knows nor {@link
 * org.djlnas.api.export.PortableBlock}s cannot be exported.
 */
public final class SavedModelExporter implements NetworkExporter {

    /** The tag of the exported meta graph. */
    public static final String TAG = "serve";

    /** The key of the exported signature. */
    public static final String SIGNATURE_KEY = "serving_default";

    /** The name of the signature's input, and of its placeholder in the graph. */
    public static final String INPUT_NAME = "input";

    /** The name of the signature's output, and of its operation in the graph. */
    public static final String OUTPUT_NAME = "output";

    /**
     * Creates an exporter, given DJL's TensorFlow engine: TF Java builds the graph with the natives
     * that loading the engine has loaded and pointed TF Java at.
     *
     * @param tensorFlow DJL's TensorFlow engine, loaded (for example by {@link
     *     org.djlnas.api.engine.EngineSelector#select})
     * @throws IllegalArgumentException if the engine is another one
     */
    public SavedModelExporter(Engine tensorFlow) {
        if (!TensorFlowSupport.ENGINE_NAME.equals(tensorFlow.getEngineName())) {
            throw new IllegalArgumentException(
                    "tensorFlow is the "
                            + tensorFlow.getEngineName()
                            + " engine; the exporter needs DJL's "
                            + TensorFlowSupport.ENGINE_NAME
                            + " engine");
        }
    }

    /**
     * Writes a block, with its current parameters, as a SavedModel. Files of an earlier export in
     * the directory are replaced.
     *
     * @param block an initialized block that maps one batch of images, or of table rows, to one
     *     output
     * @param imageShape the shape of one input image, {@code (C, H, W)}, or of one row of features,
     *     {@code (F)}
     * @param directory the SavedModel's directory, created if absent
     * @throws IOException if the directory or the model cannot be written
     * @throws IllegalArgumentException if the shape is not three positive sizes or one, or the
     *     block does not output exactly one tensor
     * @throws UnsupportedOperationException naming a block that cannot be exported
     */
    @Override
    public void export(Block block, Shape imageShape, Path directory) throws IOException {
        long[] image = imageShape.getShape();
        if ((image.length != 3 && image.length != 1)
                || Arrays.stream(image).anyMatch(size -> size <= 0)) {
            throw new IllegalArgumentException(
                    "imageShape must be (C, H, W), or (features) for a row of a table, with"
                            + " positive sizes but is "
                            + imageShape);
        }
        boolean features = image.length == 1;
        try (Graph graph = new Graph();
                Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input =
                    tf.withName(INPUT_NAME)
                            .placeholder(
                                    TFloat32.class,
                                    Placeholder.shape(
                                            features
                                                    ? org.tensorflow.ndarray.Shape.of(-1, image[0])
                                                    : org.tensorflow.ndarray.Shape.of(
                                                            -1, image[0], image[1], image[2])));
            TensorFlowGraphBuilder builder = new TensorFlowGraphBuilder(tf);
            List<Operand<TFloat32>> outputs =
                    new GraphLowering<>(builder)
                            .lower(block, List.of(features ? input : builder.fromDjlLayout(input)));
            if (outputs.size() != 1) {
                throw new IllegalArgumentException(
                        "block must output one tensor but outputs " + outputs.size());
            }
            Operand<TFloat32> output =
                    tf.withName(OUTPUT_NAME).identity(builder.toDjlLayout(outputs.get(0)));
            Signature signature =
                    Signature.builder()
                            .key(SIGNATURE_KEY)
                            .input(INPUT_NAME, input)
                            .output(OUTPUT_NAME, output)
                            .build();
            Files.createDirectories(directory);
            SavedModelBundle.exporter(directory.toString())
                    .withTags(TAG)
                    .withFunction(SessionFunction.create(signature, session))
                    .export();
        }
    }
}
