package org.djlnas.zoo;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.data.encoding.RowEncoding;

/**
 * Creates the {@link TableTranslator} of a published table model for DJL's model loader: {@code Map
 * → Classifications} for a classification, {@code Map → Double} for a regression. It reads the
 * preprocessing recorded at training from the model's {@value #DATA_FILE}: the field {@code
 * preprocessing} as the {@code csv} data source wrote it ({@code task}, {@code classes} or {@code
 * targetMean} and {@code targetStd}, and the {@link RowEncoding}'s {@code impute} and {@code
 * columns}).
 *
 * <pre>{@code
 * Criteria<Map, Classifications> criteria = Criteria.builder()
 *         .setTypes(Map.class, Classifications.class)
 *         .optModelUrls("file:///zoo").optArtifactId("cancer")
 *         .build();
 * try (ZooModel<Map, Classifications> model = criteria.loadModel();
 *         Predictor<Map, Classifications> predictor = model.newPredictor()) {
 *     Classifications result = predictor.predict(Map.of("x1", 17.99, "x2", "10.38"));
 * }
 * }</pre>
 */
public final class TableTranslatorFactory implements TranslatorFactory {

    /** The file, beside the parameters, that records the data a model was trained on. */
    public static final String DATA_FILE = DataDescription.FILE;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<Pair<Type, Type>> SUPPORTED =
            Set.of(
                    new Pair<>(Map.class, Classifications.class),
                    new Pair<>(Map.class, Double.class));

    /** Creates the factory; DJL's loader calls this. */
    public TableTranslatorFactory() {}

    /**
     * Returns the supported pairs, {@code Map → Classifications} and {@code Map → Double}.
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
     * @param input the input class, {@code Map}
     * @param output {@code Classifications} for a classification, {@code Double} for a regression
     * @param model the loaded model
     * @param arguments the model's arguments (unused)
     * @return the translator
     * @throws TranslateException if {@value #DATA_FILE} cannot be read or is malformed
     * @throws IllegalArgumentException if the types are not supported or do not fit the task
     */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(
            Class<I> input, Class<O> output, Model model, Map<String, ?> arguments)
            throws TranslateException {
        if (!isSupported(input, output)) {
            throw new IllegalArgumentException(
                    "published table models translate Map to Classifications or Double, not "
                            + input.getSimpleName()
                            + " to "
                            + output.getSimpleName()
                            + "; use NDList to NDList for raw tensors");
        }
        Path file = model.getModelPath().resolve(DATA_FILE);
        Map<String, Object> preprocessing = preprocessing(file);
        boolean classification = "classification".equals(preprocessing.get("task"));
        if (classification != (output == Classifications.class)) {
            throw new IllegalArgumentException(
                    "the model is a "
                            + preprocessing.get("task")
                            + " of '"
                            + preprocessing.get("target")
                            + "'; expected the output type "
                            + (classification ? "Classifications" : "Double"));
        }
        try {
            RowEncoding encoding = RowEncoding.fromJson(preprocessing);
            return (Translator<I, O>)
                    (classification
                            ? new TableTranslator.Classifier(
                                    encoding, strings(preprocessing.get("classes")))
                            : new TableTranslator.Regressor(
                                    encoding,
                                    number(preprocessing, "targetMean"),
                                    number(preprocessing, "targetStd")));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new TranslateException(file + " is malformed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> preprocessing(Path file) throws TranslateException {
        Map<String, Object> data;
        try {
            data = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new TranslateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(data.get("preprocessing") instanceof Map<?, ?> preprocessing)) {
            throw new TranslateException(
                    file + " has no object 'preprocessing'; expected a table model's data");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) preprocessing;
        return typed;
    }

    private static List<String> strings(Object values) {
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }

    private static double number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).doubleValue();
    }
}
