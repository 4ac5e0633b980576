package org.djlnas.zoo;

import static java.util.Objects.requireNonNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.eval.Metrics;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.search.SearchSetup;

/**
 * Turns what the runtime retrained into a publication, with the provenance the retraining and the
 * search that found the architecture imply: space and settings, strategy and its settings (or
 * {@value #GIVEN} for an architecture given by hand), seeds, engine and its version, data set and
 * split, validation and test metrics, parameters, latency, and the library and DJL versions.
 *
 * <p>Needs {@code djl-nas-runtime} on the class path, which this module depends on optionally.
 */
public final class RetrainedPublication {

    /** The strategy recorded for an architecture given by hand. */
    public static final String GIVEN = "given";

    private RetrainedPublication() {}

    /**
     * Builds the publication of a retrained network.
     *
     * @param name the model's name
     * @param version the version
     * @param trained what was retrained, with its weights
     * @param foundBy the configuration of the experiment that found the architecture, if any
     * @param libraryVersion the djl-nas version that publishes
     * @param plugins the data-source plug-ins, to open the data set it was trained on
     * @return the publication
     * @throws IOException if the data set cannot be read
     * @throws IllegalArgumentException if the data set cannot be opened or a value is missing
     */
    public static ModelPublication of(
            String name,
            String version,
            Retraining.Report trained,
            Optional<ExperimentConfig> foundBy,
            String libraryVersion,
            Plugins plugins)
            throws IOException {
        requireNonNull(trained, "trained is null");
        Retraining.Request request = trained.request();
        DataSource data =
                SearchSetup.read(plugins.dataSource(request.dataset(), request.dataOptions()));
        ModelPublication.Builder builder =
                ModelPublication.builder()
                        .setName(name)
                        .setVersion(version)
                        .setArchitecture(request.architecture())
                        .setWeights(trained.weights())
                        .setClassNames(data.classNames())
                        .setInputShape(new Shape(data.inputShape().getShape()))
                        .setProvenance(provenance(trained, foundBy, libraryVersion))
                        .optData(
                                new DataDescription(
                                        data.task(), data.input(), data.preprocessing()));
        Map<String, Object> preprocessing = data.preprocessing();
        if (data.input() instanceof DataInput.Image
                && preprocessing.get("mean") instanceof List<?> mean
                && preprocessing.get("std") instanceof List<?> std) {
            builder.optNormalization(floats(mean), floats(std));
        }
        return builder.build();
    }

    private static float[] floats(List<?> values) {
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = ((Number) values.get(i)).floatValue();
        }
        return floats;
    }

    /**
     * Returns the provenance of a retrained network.
     *
     * @param trained what was retrained
     * @param foundBy the configuration of the experiment that found the architecture, if any
     * @param libraryVersion the djl-nas version that publishes
     * @return the provenance
     */
    static Provenance provenance(
            Retraining.Report trained, Optional<ExperimentConfig> foundBy, String libraryVersion) {
        Retraining.Request request = trained.request();
        Provenance.Builder builder =
                Provenance.builder()
                        .setSpace(request.space(), request.spaceSettings())
                        .optSeed("retrain", request.seed())
                        .setEngine(
                                request.engine(), Engine.getEngine(request.engine()).getVersion())
                        .setDataset(request.dataset(), split(request.seed()))
                        .optValidationMetrics(validationMetrics(trained.metrics()))
                        .optTestMetrics(testMetrics(trained.testMetrics()))
                        .setParameters(
                                Math.round(trained.metrics().getOrDefault(Metrics.PARAMETERS, 0.0)))
                        .setLibraryVersion(libraryVersion)
                        .optDjlVersion(Engine.getDjlVersion());
        Double latency = trained.metrics().get(Metrics.LATENCY_MS);
        if (latency != null) {
            builder.optLatencyMs(latency);
        }
        if (foundBy.isPresent()) {
            ExperimentConfig config = foundBy.get();
            builder.setStrategy(config.strategy(), config.strategySettings())
                    .optSeed("experiment", config.seed());
        } else {
            builder.setStrategy(GIVEN, Map.of());
        }
        return builder.build();
    }

    /** The test metrics under the names of the validation metrics: {@code testRmse} as rmse. */
    private static Map<String, Double> testMetrics(Map<String, Double> test) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        test.forEach(
                (name, value) ->
                        metrics.put(
                                Character.toLowerCase(name.charAt(4)) + name.substring(5), value));
        return metrics;
    }

    private static Map<String, Double> validationMetrics(Map<String, Double> metrics) {
        Map<String, Double> validation = new LinkedHashMap<>();
        for (String metric :
                new String[] {Metrics.ACCURACY, Metrics.RMSE, Metrics.MAE, Metrics.LOSS}) {
            Double value = metrics.get(metric);
            if (value != null) {
                validation.put(metric, value);
            }
        }
        return validation;
    }

    private static Map<String, String> split(long seed) {
        DataSplit split = Retraining.split(seed);
        return Map.of(
                "seed", Long.toString(split.seed()),
                "validationFraction", Double.toString(split.validationFraction()),
                "maxValidationExamples", Integer.toString(split.maxValidationExamples()));
    }
}
