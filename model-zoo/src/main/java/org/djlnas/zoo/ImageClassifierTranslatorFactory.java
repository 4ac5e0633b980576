package org.djlnas.zoo;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.Task;

/**
 * Creates the {@link ImageClassifierTranslator} of a published model for DJL's model loader, which
 * names this class in the model's {@code translatorFactory} argument when its input is an image.
 * The class names, image shape and normalisation come from the model's {@value
 * DataDescription#FILE}, or, for models published before it, from {@value ZooLayout#SYNSET_FILE}
 * and the model's arguments. It supports {@code Image → Classifications}; for {@code NDList →
 * NDList} the loader falls back to DJL's own factory, which passes tensors through unchanged.
 */
public final class ImageClassifierTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> SUPPORTED =
            Set.of(new Pair<>(Image.class, Classifications.class));

    /** Creates the factory; DJL's loader calls this. */
    public ImageClassifierTranslatorFactory() {}

    /**
     * Returns the one supported pair, {@code Image → Classifications}.
     *
     * @return the supported input and output types
     */
    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return SUPPORTED;
    }

    /**
     * Creates the translator of a loaded model, with the class names of its {@value
     * ZooLayout#SYNSET_FILE}.
     *
     * @param input the input class, {@code Image}
     * @param output the output class, {@code Classifications}
     * @param model the loaded model
     * @param arguments the model's arguments (input shape, normalisation)
     * @return the translator
     * @throws TranslateException if the class names cannot be read
     * @throws IllegalArgumentException if the types are not supported or an argument is malformed
     */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(
            Class<I> input, Class<O> output, Model model, Map<String, ?> arguments)
            throws TranslateException {
        if (!isSupported(input, output)) {
            throw new IllegalArgumentException(
                    "published models translate Image to Classifications, not "
                            + input.getSimpleName()
                            + " to "
                            + output.getSimpleName()
                            + "; use NDList to NDList for raw tensors");
        }
        ModelArguments parsed = ModelArguments.parse(arguments);
        Optional<DataDescription> data;
        try {
            data = DataDescription.read(model.getModelPath());
        } catch (IOException e) {
            throw new TranslateException("cannot read " + DataDescription.FILE, e);
        }
        if (data.isPresent()) {
            return (Translator<I, O>) fromData(data.get(), parsed);
        }
        Path synset = model.getModelPath().resolve(ZooLayout.SYNSET_FILE);
        List<String> classNames;
        try {
            classNames = Files.readAllLines(synset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TranslateException("cannot read the class names from " + synset, e);
        }
        return (Translator<I, O>) new ImageClassifierTranslator(classNames, parsed);
    }

    /**
     * The translator of a model whose {@value DataDescription#FILE} gives its class names, image
     * shape and the normalisation its training set's statistics defined.
     */
    private static ImageClassifierTranslator fromData(DataDescription data, ModelArguments parsed) {
        if (!(data.task() instanceof Task.Classification classification)
                || !(data.input() instanceof DataInput.Image image)) {
            throw new IllegalArgumentException(
                    "this model's "
                            + DataDescription.FILE
                            + " describes "
                            + data.task()
                            + " on "
                            + data.input()
                            + "; an image classifier needs classes and images");
        }
        return new ImageClassifierTranslator(
                classification.classNames(),
                new ModelArguments(
                        parsed.space(),
                        parsed.spaceSettings(),
                        image.channels(),
                        image.height(),
                        image.width(),
                        perChannel(data.preprocessing().get("mean"), image.channels(), 0f),
                        perChannel(data.preprocessing().get("std"), image.channels(), 1f),
                        ModelArguments.IMAGE));
    }

    /** A recorded per-channel statistic (one value for all channels, or one each), or a default. */
    private static List<Float> perChannel(Object recorded, int channels, float otherwise) {
        List<Float> values = new ArrayList<>();
        if (recorded instanceof List<?> list && (list.size() == 1 || list.size() == channels)) {
            for (int c = 0; c < channels; c++) {
                values.add(((Number) list.get(list.size() == 1 ? 0 : c)).floatValue());
            }
            return values;
        }
        if (recorded instanceof Number number) {
            return Collections.nCopies(channels, number.floatValue());
        }
        return Collections.nCopies(channels, otherwise);
    }
}
