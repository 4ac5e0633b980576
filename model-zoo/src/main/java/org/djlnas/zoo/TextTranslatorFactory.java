package org.djlnas.zoo;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.encoding.TextEncoding;

/**
 * Creates the {@link TextClassifierTranslator} of a published text model for DJL's model loader,
 * which names this class in the model's {@code translatorFactory} argument. It reads the model's
 * {@value DataDescription#FILE}: the task's class names and the preprocessing the data source
 * recorded (the vocabulary, the length, lower-casing), and supports {@code String →
 * Classifications}.
 */
public final class TextTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> SUPPORTED =
            Set.of(new Pair<>(String.class, Classifications.class));

    /** Creates the factory; DJL's loader calls this. */
    public TextTranslatorFactory() {}

    /**
     * Returns the one supported pair, {@code String → Classifications}.
     *
     * @return the supported input and output types
     */
    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return SUPPORTED;
    }

    /**
     * Creates the translator of a loaded model from its {@value DataDescription#FILE}.
     *
     * @param input the input class, {@code String}
     * @param output the output class, {@code Classifications}
     * @param model the loaded model
     * @param arguments the model's arguments
     * @return the translator
     * @throws TranslateException if {@value DataDescription#FILE} cannot be read or does not
     *     describe a text classifier
     * @throws IllegalArgumentException if the types are not supported
     */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(
            Class<I> input, Class<O> output, Model model, Map<String, ?> arguments)
            throws TranslateException {
        if (!isSupported(input, output)) {
            throw new IllegalArgumentException(
                    "published text models translate String to Classifications, not "
                            + input.getSimpleName()
                            + " to "
                            + output.getSimpleName()
                            + "; use NDList to NDList for raw tensors");
        }
        Path folder = model.getModelPath();
        Path file = folder.resolve(DataDescription.FILE);
        DataDescription data;
        try {
            data =
                    DataDescription.read(folder)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    file
                                                            + " is missing; a text model keeps its"
                                                            + " vocabulary there"));
        } catch (IOException e) {
            throw new TranslateException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TranslateException(e.getMessage(), e);
        }
        if (!(data.task() instanceof Task.Classification classification)) {
            throw new TranslateException(file + ": the task is a regression; text models classify");
        }
        try {
            return (Translator<I, O>)
                    new TextClassifierTranslator(
                            classification.classNames(),
                            TextEncoding.fromPreprocessing(data.preprocessing()));
        } catch (IllegalArgumentException e) {
            throw new TranslateException(file + ": " + e.getMessage(), e);
        }
    }
}
