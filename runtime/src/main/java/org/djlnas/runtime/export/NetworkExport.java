package org.djlnas.runtime.export;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.engine.NetworkExporter;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSetup;

/**
 * Exports a compiled architecture with trained weights to an engine's deployment format, then loads
 * the export back through DJL's {@link Criteria} on that engine and compares its predictions with
 * the original network's on a seeded random batch, so a faulty export is caught when it is made
 * rather than when it is deployed.
 */
public final class NetworkExport {

    /** The file, next to the exported model, that says what it is and how well it matched. */
    public static final String MANIFEST = "export.json";

    /** The architecture's file next to the exported model. */
    public static final String ARCHITECTURE_FILE = "architecture.json";

    /** The largest difference of a logit between the original and the export that is accepted. */
    public static final double TOLERANCE = 1e-4;

    private static final int CHECK_BATCH = 4;
    private static final Pattern PARAMS_FILE = Pattern.compile("(.+)-(\\d{4})\\.params");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EngineSelector engines;

    /**
     * Creates the export service.
     *
     * @param engines the engines to run the original on and export with
     */
    public NetworkExport(EngineSelector engines) {
        this.engines = requireNonNull(engines, "engines is null");
    }

    /**
     * What to export.
     *
     * @param spaceId the space's id
     * @param spaceSettings the space's settings, complete
     * @param space the space built with those settings
     * @param architecture the architecture, valid in the space
     * @param weights a folder of DJL parameters ({@code PREFIX-NNNN.params}) or one such file
     * @param inputShape one input example, without the batch axis, such as {@code (1, 28, 28)}
     * @param engine the engine to export for (it must declare {@link EngineCapability#EXPORT})
     */
    public record Request(
            String spaceId,
            Map<String, String> spaceSettings,
            SearchSpace space,
            Architecture architecture,
            Path weights,
            Shape inputShape,
            String engine) {

        /**
         * Builds the request to export a candidate: its space with settings completed for its data
         * set (which gives the input shape), and its architecture validated in that space.
         *
         * @param candidate what to export
         * @param weights a folder of DJL parameters or one such file
         * @param engine the engine to export for
         * @param plugins the spaces
         * @return the request
         * @throws IOException if the weights folder cannot be listed
         * @throws IllegalArgumentException naming a bad space setting, architecture label, data set
         *     or weights
         */
        public static Request of(Candidate candidate, Path weights, String engine, Plugins plugins)
                throws IOException {
            SearchSpaceProvider provider = plugins.spaceProvider(candidate.space());
            DataSource data =
                    SearchSetup.read(
                            plugins.dataSource(candidate.dataset(), candidate.dataOptions()));
            if (data.input() instanceof DataInput.Tokens) {
                throw new IllegalArgumentException(
                        "`dataset` "
                                + candidate.dataset()
                                + " is text: export covers networks on images and tables; a text"
                                + " network (token embedding, recurrent layers) is not exported,"
                                + " publish it to a DJL model zoo instead");
            }
            Map<String, String> settings =
                    SearchSetup.spaceSettingsFor(provider, candidate.spaceSettings(), data);
            SearchSpace space = plugins.space(candidate.space(), settings);
            Architecture valid = space.validate(candidate.architecture());
            checkWeights(weights);
            return new Request(
                    candidate.space(), settings, space, valid, weights, data.inputShape(), engine);
        }
    }

    /**
     * What was exported.
     *
     * @param folder the exported model's folder
     * @param engine the engine it was exported for
     * @param engineVersion that engine's version
     * @param sourceEngine the engine that ran the original network for the check
     * @param maxDifference the largest difference of a logit between the original and the export
     */
    public record Report(
            Path folder,
            String engine,
            String engineVersion,
            String sourceEngine,
            double maxDifference) {}

    /**
     * Checks that weights name DJL parameters: a {@code NAME-NNNN.params} file, or a folder with
     * the parameters of one model. Nothing is read or written.
     *
     * @param weights the file or folder
     * @throws IllegalArgumentException naming the weights if they are not such a file or folder
     * @throws IOException if the folder cannot be listed
     */
    public static void checkWeights(Path weights) throws IOException {
        ParamsLocation.of(weights);
    }

    /**
     * Exports and checks.
     *
     * @param request what to export
     * @param folder where to write the model (created if needed)
     * @return the report
     * @throws IOException if the weights cannot be read or the model cannot be written
     * @throws IllegalArgumentException if the weights do not fit the architecture
     * @throws IllegalStateException if the export's predictions differ by more than {@value
     *     #TOLERANCE}
     */
    public Report export(Request request, Path folder) throws IOException {
        NetworkExporter exporter = engines.exporter(request.engine());
        String exportEngine = Engine.getEngine(request.engine()).getEngineName();
        Engine source = engines.select(Optional.empty(), EngineCapability.FORWARD);
        String sourceEngine = source.getEngineName();
        Shape batch = new Shape(CHECK_BATCH).addAll(request.inputShape());
        float[] images = checkImages(batch);
        float[] expected;
        ParamsLocation params = ParamsLocation.of(request.weights());
        try (Model model =
                Model.newInstance("export", DeviceChoice.forEngine(sourceEngine), sourceEngine)) {
            model.setBlock(request.space().compile(request.architecture()));
            try {
                model.load(params.folder(), params.prefix());
            } catch (MalformedModelException e) {
                throw new IllegalArgumentException(
                        "the weights in "
                                + request.weights()
                                + " do not fit architecture "
                                + request.architecture().id()
                                + " of "
                                + request.spaceId()
                                + " with settings "
                                + request.spaceSettings()
                                + "; were they trained with other space settings?",
                        e);
            }
            expected = predict(model, images, batch);
            Files.createDirectories(folder);
            exporter.export(model.getBlock(), request.inputShape(), folder);
        }
        double difference =
                maxAbsDifference(expected, predictExported(folder, exportEngine, images, batch));
        Report report =
                new Report(
                        folder,
                        exportEngine,
                        Engine.getEngine(exportEngine).getVersion(),
                        sourceEngine,
                        difference);
        writeManifest(request, report);
        if (difference > TOLERANCE) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "the %s export predicts differently from the original on %s: largest"
                                    + " logit difference %.3g, above %.0e; the export in %s is not"
                                    + " faithful",
                            exportEngine,
                            sourceEngine,
                            difference,
                            TOLERANCE,
                            folder));
        }
        return report;
    }

    private static float[] predict(Model model, float[] images, Shape batch) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(images, batch);
            return model.getBlock()
                    .forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    private static float[] predictExported(Path folder, String engine, float[] images, Shape batch)
            throws IOException {
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(folder)
                        .optEngine(engine)
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(images, batch);
            return predictor.predict(new NDList(x)).singletonOrThrow().toFloatArray();
        } catch (ModelNotFoundException | MalformedModelException | TranslateException e) {
            throw new IOException("cannot load the export in " + folder + " on " + engine, e);
        }
    }

    private void writeManifest(Request request, Report report) throws IOException {
        Files.writeString(
                report.folder().resolve(ARCHITECTURE_FILE), request.architecture().toJson());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("engine", report.engine());
        manifest.put("engineVersion", report.engineVersion());
        manifest.put("space", request.spaceId());
        manifest.put("spaceSettings", request.spaceSettings());
        manifest.put("architectureId", request.architecture().id());
        manifest.put("inputShape", request.inputShape().getShape());
        manifest.put("weights", request.weights().toAbsolutePath().toString());
        manifest.put("checkedAgainst", report.sourceEngine());
        manifest.put("maxDifference", report.maxDifference());
        JSON.writeValue(report.folder().resolve(MANIFEST).toFile(), manifest);
    }

    private static float[] checkImages(Shape batch) {
        SplittableRandom random = new SplittableRandom(batch.size());
        float[] values = new float[Math.toIntExact(batch.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    private static double maxAbsDifference(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalStateException(
                    "the export outputs "
                            + actual.length
                            + " values for the check batch but the original outputs "
                            + expected.length);
        }
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
        }
        return largest;
    }

    /**
     * Where DJL parameters are: a folder and the prefix of their file.
     *
     * @param folder the folder
     * @param prefix the file name before {@code -NNNN.params}
     */
    record ParamsLocation(Path folder, String prefix) {

        static ParamsLocation of(Path weights) throws IOException {
            if (Files.isRegularFile(weights)) {
                Matcher name = PARAMS_FILE.matcher(weights.getFileName().toString());
                if (!name.matches()) {
                    throw new IllegalArgumentException(
                            "`weights` "
                                    + weights
                                    + " is not a DJL parameter file; expected NAME-NNNN.params");
                }
                return new ParamsLocation(weights.toAbsolutePath().getParent(), name.group(1));
            }
            if (!Files.isDirectory(weights)) {
                throw new IllegalArgumentException(
                        "`weights` "
                                + weights
                                + " does not exist; expected a folder of DJL"
                                + " parameters or a NAME-NNNN.params file");
            }
            List<String> prefixes;
            try (Stream<Path> files = Files.list(weights)) {
                prefixes =
                        files.map(file -> PARAMS_FILE.matcher(file.getFileName().toString()))
                                .filter(Matcher::matches)
                                .map(name -> name.group(1))
                                .distinct()
                                .sorted()
                                .toList();
            }
            if (prefixes.size() != 1) {
                throw new IllegalArgumentException(
                        "`weights` "
                                + weights
                                + (prefixes.isEmpty()
                                        ? " holds no NAME-NNNN.params file"
                                        : " holds parameters of several models " + prefixes)
                                + "; give the .params file itself");
            }
            return new ParamsLocation(weights, prefixes.get(0));
        }
    }
}
