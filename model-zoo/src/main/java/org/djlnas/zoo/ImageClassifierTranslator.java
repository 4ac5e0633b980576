package org.djlnas.zoo;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * Classifies images with a published network, preparing each image exactly as the training data
 * was: resized to the network's input size if it differs, grey-scale for one channel and RGB for
 * three, pixels scaled to [0, 1] and normalised per channel, {@code (x / 255 - mean) / std} in
 * single precision, laid out channels first. The network's logits become probabilities by softmax,
 * paired with the class names of {@value ZooLayout#SYNSET_FILE}.
 *
 * <p>The normalisation runs on the host, not on the engine, so every engine sees the same input.
 */
public final class ImageClassifierTranslator implements Translator<Image, Classifications> {

    private final List<String> classNames;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] mean;
    private final float[] std;

    ImageClassifierTranslator(List<String> classNames, ModelArguments arguments) {
        if (arguments.channels() != 1 && arguments.channels() != 3) {
            throw new IllegalArgumentException(
                    "the model takes images of "
                            + arguments.channels()
                            + " channels; images can only be prepared as grey-scale (1) or RGB"
                            + " (3); predict with NDList inputs instead");
        }
        this.classNames = List.copyOf(classNames);
        this.channels = arguments.channels();
        this.height = arguments.height();
        this.width = arguments.width();
        this.mean = toArray(arguments.mean());
        this.std = toArray(arguments.std());
    }

    /**
     * Turns an image into the network's input: one array of shape (C, H, W).
     *
     * @param ctx the translator's context
     * @param input the image
     * @return the input
     */
    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        Image sized =
                input.getWidth() == width && input.getHeight() == height
                        ? input
                        : input.resize(width, height, true);
        NDManager manager = ctx.getNDManager();
        int[] pixels;
        try (NDArray hwc =
                sized.toNDArray(manager, channels == 1 ? Image.Flag.GRAYSCALE : Image.Flag.COLOR)) {
            pixels = hwc.toUint8Array();
        }
        int area = height * width;
        float[] chw = new float[channels * area];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < area; p++) {
                chw[c * area + p] = (pixels[p * channels + c] / 255f - mean[c]) / std[c];
            }
        }
        return new NDList(manager.create(chw, new Shape(channels, height, width)));
    }

    /**
     * Turns the network's logits for one image into class probabilities.
     *
     * @param ctx the translator's context
     * @param list the logits, one array with a value per class
     * @return the classifications
     * @throws TranslateException if the network gives a different number of classes than there are
     *     class names
     */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list)
            throws TranslateException {
        return ClassLogits.classify(list, classNames, "image", ZooLayout.SYNSET_FILE);
    }

    private static float[] toArray(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
