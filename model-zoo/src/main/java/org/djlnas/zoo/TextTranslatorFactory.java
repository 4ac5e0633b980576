package org.djlnas.zoo;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.data.encoding.TextEncoding;

/**
 * Creates the {@link TextClassifierTranslator} of a published text model for DJL's model loader,
 * which names this class in the model's {@code translatorFactory} argument. It reads the model's
 * {@value #DATA_FILE}: the task's class names and the preprocessing the data source recorded (the
 * vocabulary, the length, lower-casing), and supports {@code String → Classifications}.
 */
public final class TextTranslatorFactory implements TranslatorFactory {

    /** The file beside the parameters that says what the data was and how it was prepared. */
    public static final String DATA_FILE = "data.json";

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
     * Creates the translator of a loaded model from its {@value #DATA_FILE}.
     *
     * @param input the input class, {@code String}
     * @param output the output class, {@code Classifications}
     * @param model the loaded model
     * @param arguments the model's arguments
     * @return the translator
     * @throws TranslateException if {@value #DATA_FILE} cannot be read or does not describe a text
     *     classifier
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
        Path file = model.getModelPath().resolve(DATA_FILE);
        Map<String, Object> data;
        try {
            data = new ObjectMapper().readValue(Files.readString(file), Map.class);
        } catch (IOException e) {
            throw new TranslateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return (Translator<I, O>)
                    new TextClassifierTranslator(
                            classNames(data),
                            TextEncoding.fromPreprocessing(map(data, "preprocessing")));
        } catch (IllegalArgumentException e) {
            throw new TranslateException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> classNames(Map<String, Object> data) {
        Object names = map(data, "task").get("classNames");
        if (!(names instanceof List<?> list) || list.size() < 2) {
            throw new IllegalArgumentException(
                    "'task' has no 'classNames'; a text model classifies among at least 2 classes");
        }
        List<String> strings = new ArrayList<>();
        list.forEach(name -> strings.add(String.valueOf(name)));
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> data, String key) {
        if (!(data.get(key) instanceof Map<?, ?> value)) {
            throw new IllegalArgumentException("'" + key + "' is missing; expected an object");
        }
        return (Map<String, Object>) value;
    }
}
