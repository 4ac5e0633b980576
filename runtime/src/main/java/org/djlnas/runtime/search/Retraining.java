package org.djlnas.runtime.search;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.experiment.TrialSeeds;
import org.djlnas.runtime.training.Distillation;
import org.djlnas.runtime.training.Teacher;
import org.djlnas.runtime.training.TrainingEvaluator;
import org.djlnas.runtime.training.TrainingSettings;

/**
 * Trains one architecture from scratch, as the last step of a search: with the training recipe of
 * the multi-trial evaluator, on the experiment's split, then measures it on the test set by its
 * task (accuracy; or RMSE and MAE). Writes {@code weights/} and {@code retrain.json} into its
 * folder. With a teacher ({@link Request#distillation()}), the network learns from it too.
 */
public final class Retraining {

    /** The file the result is written to. */
    public static final String RESULT_FILE = "retrain.json";

    private static final String WEIGHTS_FOLDER = "weights";

    private static final List<String> TEST_METRICS =
            List.of(Metrics.TEST_ACCURACY, Metrics.TEST_RMSE, Metrics.TEST_MAE);

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Retraining() {}

    /**
     * What to retrain.
     *
     * @param space the space's id
     * @param spaceSettings the space's settings (for example a wider network than the search's)
     * @param architecture the architecture
     * @param dataset the data set, {@code KIND} or {@code KIND:LOCATION}
     * @param dataOptions the data set's options, by name
     * @param engine the engine
     * @param seed the seed of the split, the initialisation and the order of examples
     * @param budget epochs and the cap on training examples
     * @param distillation the teacher the network learns from, and how, if any
     */
    public record Request(
            String space,
            Map<String, String> spaceSettings,
            Architecture architecture,
            String dataset,
            Map<String, String> dataOptions,
            String engine,
            long seed,
            Budget budget,
            Optional<Distillation> distillation) {

        /** Validates the fields. */
        public Request {
            requireNonNull(space, "space is null");
            spaceSettings = Map.copyOf(spaceSettings);
            requireNonNull(architecture, "architecture is null");
            requireNonNull(dataset, "dataset is null");
            dataOptions = Map.copyOf(dataOptions);
            requireNonNull(engine, "engine is null");
            requireNonNull(budget, "budget is null");
            requireNonNull(distillation, "distillation is null");
        }

        /**
         * Creates a request to train without a teacher.
         *
         * @param space the space's id
         * @param spaceSettings the space's settings
         * @param architecture the architecture
         * @param dataset the data set, {@code KIND} or {@code KIND:LOCATION}
         * @param dataOptions the data set's options, by name
         * @param engine the engine
         * @param seed the seed of the split, the initialisation and the order of examples
         * @param budget epochs and the cap on training examples
         */
        public Request(
                String space,
                Map<String, String> spaceSettings,
                Architecture architecture,
                String dataset,
                Map<String, String> dataOptions,
                String engine,
                long seed,
                Budget budget) {
            this(
                    space,
                    spaceSettings,
                    architecture,
                    dataset,
                    dataOptions,
                    engine,
                    seed,
                    budget,
                    Optional.empty());
        }

        /**
         * Returns this request with a teacher to learn from.
         *
         * @param value the teacher and how to learn from it
         * @return the request
         */
        public Request withDistillation(Distillation value) {
            return new Request(
                    space,
                    spaceSettings,
                    architecture,
                    dataset,
                    dataOptions,
                    engine,
                    seed,
                    budget,
                    Optional.of(value));
        }
    }

    /**
     * The outcome.
     *
     * @param request what was retrained, with the space settings in full
     * @param objective the task's objective, {@code accuracy} or {@code rmse}
     * @param metrics validation metrics, parameters and timings
     * @param testMetrics the task's metrics on the test set: {@code testAccuracy}, or {@code
     *     testRmse} and {@code testMae}
     * @param wall the wall time
     * @param folder where the weights and {@code retrain.json} are
     */
    public record Report(
            Request request,
            String objective,
            Map<String, Double> metrics,
            Map<String, Double> testMetrics,
            Duration wall,
            Path folder) {

        /** Copies the metrics, keeping their order. */
        public Report {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            testMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(testMetrics));
        }

        /**
         * Returns the objective measured on the test set.
         *
         * @return the test accuracy, or the test RMSE
         */
        public double testObjective() {
            String name =
                    "test" + Character.toUpperCase(objective.charAt(0)) + objective.substring(1);
            return testMetrics.getOrDefault(name, Double.NaN);
        }

        /**
         * Returns the folder of the retrained weights, in DJL's format.
         *
         * @return {@code folder/weights}
         */
        public Path weights() {
            return weightsIn(folder);
        }
    }

    /**
     * Returns where an experiment's found architecture is retrained by default.
     *
     * @param experiment the experiment folder
     * @return {@code experiment/retrain}
     */
    public static Path folderOf(Path experiment) {
        return experiment.resolve("retrain");
    }

    /**
     * Tells whether a folder holds a retrained network: its {@value #RESULT_FILE}.
     *
     * @param folder the folder {@link #run} would write to
     * @return whether {@link #read} can read it
     */
    public static boolean isRetrained(Path folder) {
        return Files.isRegularFile(folder.resolve(RESULT_FILE));
    }

    private static Path weightsIn(Path folder) {
        return folder.resolve(WEIGHTS_FOLDER);
    }

    /**
     * Reads what an experiment found, to retrain it: its {@code best.json}.
     *
     * @param experiment the experiment folder
     * @return the found architecture and how it was found (space, its settings, data set, seed)
     * @throws IOException if {@code best.json} is missing or unreadable
     */
    public static Found readFound(Path experiment) throws IOException {
        Path best = experiment.resolve(SearchSession.BEST_FILE);
        if (!Files.isRegularFile(best)) {
            throw new IllegalArgumentException(
                    experiment + " has no " + SearchSession.BEST_FILE + "; did its search finish?");
        }
        JsonNode root = JSON.readTree(best.toFile());
        JsonNode foundBy = root.path("foundBy");
        if (!root.has("architecture") || !foundBy.isObject()) {
            throw new IllegalArgumentException(
                    best
                            + " lacks 'architecture' or 'foundBy'; expected a file written by nas"
                            + " search");
        }
        ExperimentConfig config = ExperimentConfig.fromJson(foundBy.toString());
        return new Found(Architecture.fromJson(root.get("architecture").toString()), config);
    }

    /**
     * An experiment's result.
     *
     * @param architecture the architecture it found
     * @param config its configuration
     */
    public record Found(Architecture architecture, ExperimentConfig config) {}

    /**
     * Checks a request as {@link #run} does before it trains: the space and its settings, the data
     * set and the architecture. Nothing is trained or written.
     *
     * @param request what would be retrained
     * @param plugins the spaces
     * @throws IllegalArgumentException naming a bad space setting, architecture label or a data set
     *     that cannot be read
     */
    public static void check(Request request, Plugins plugins) {
        SearchSpaceProvider provider = plugins.spaceProvider(request.space());
        DataSource data =
                SearchSetup.read(plugins.dataSource(request.dataset(), request.dataOptions()));
        Map<String, String> settings =
                SearchSetup.spaceSettingsFor(provider, request.spaceSettings(), data);
        plugins.space(request.space(), settings).validate(request.architecture());
        try (Teacher teacher = openTeacher(request, plugins, data).orElse(null)) {
            // opened and checked against the data; nothing to do with it yet
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Optional<Teacher> openTeacher(Request request, Plugins plugins, DataSource data)
            throws IOException {
        if (request.distillation().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                Teacher.open(
                        request.distillation().get(),
                        request.engine(),
                        plugins::space,
                        data,
                        "`teacher`"));
    }

    /**
     * Retrains.
     *
     * @param request what to retrain
     * @param plugins the spaces
     * @param folder where to write the weights and the result (created if needed)
     * @return the report
     * @throws IOException if data or results cannot be read or written
     * @throws TrialFailedException if training fails (for example a non-finite loss)
     */
    public static Report run(Request request, Plugins plugins, Path folder)
            throws IOException, TrialFailedException {
        SearchSpaceProvider provider = plugins.spaceProvider(request.space());
        DataSource data =
                SearchSetup.read(plugins.dataSource(request.dataset(), request.dataOptions()));
        Map<String, String> settings =
                SearchSetup.spaceSettingsFor(provider, request.spaceSettings(), data);
        SearchSpace space = plugins.space(request.space(), settings);
        Architecture architecture = space.validate(request.architecture());
        try (Teacher teacher = openTeacher(request, plugins, data).orElse(null)) {
            TrainingEvaluator evaluator =
                    new TrainingEvaluator(
                            space,
                            data,
                            request.engine(),
                            TrainingSettings.defaults().withSplit(split(request.seed())),
                            plugins.engines(),
                            Optional.ofNullable(teacher));
            return train(request, evaluator, settings, architecture, folder);
        }
    }

    private static Report train(
            Request request,
            TrainingEvaluator evaluator,
            Map<String, String> settings,
            Architecture architecture,
            Path folder)
            throws IOException, TrialFailedException {
        Files.createDirectories(folder);
        Path weights = weightsIn(folder);
        long start = System.nanoTime();
        Map<String, Double> metrics;
        try {
            metrics =
                    evaluator.evaluate(
                            new TrialSpec(
                                    1,
                                    architecture,
                                    request.budget(),
                                    TrialSeeds.trial(request.seed(), 1)),
                            weights,
                            Optional.empty(),
                            TrialReporter.NONE);
        } catch (TrialPrunedException e) {
            throw new IllegalStateException("a reporter that never stops stopped a trial", e);
        }
        Map<String, Double> test;
        try {
            test = evaluator.testMetrics(architecture, weights);
        } catch (MalformedModelException e) {
            throw new IOException("the retrained weights do not load back: " + e.getMessage(), e);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Request resolved =
                new Request(
                        request.space(),
                        settings,
                        architecture,
                        request.dataset(),
                        request.dataOptions(),
                        request.engine(),
                        request.seed(),
                        request.budget(),
                        request.distillation());
        Report report = new Report(resolved, evaluator.objective(), metrics, test, wall, folder);
        write(report);
        return report;
    }

    /**
     * Reads back the outcome of an earlier retraining from its folder's {@value #RESULT_FILE}.
     *
     * @param folder the folder {@link #run} wrote to
     * @return the report, its weights in {@code folder/weights}
     * @throws IOException if the file is missing or unreadable
     */
    public static Report read(Path folder) throws IOException {
        Path file = folder.resolve(RESULT_FILE);
        if (!isRetrained(folder)) {
            throw new IllegalArgumentException(
                    folder + " has no " + RESULT_FILE + "; it holds no retrained network");
        }
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, String> settings = new LinkedHashMap<>();
        root.path("spaceSettings")
                .fields()
                .forEachRemaining(entry -> settings.put(entry.getKey(), entry.getValue().asText()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        root.path("metrics")
                .fields()
                .forEachRemaining(
                        entry -> metrics.put(entry.getKey(), entry.getValue().asDouble()));
        Map<String, String> dataOptions = new LinkedHashMap<>();
        root.path("dataOptions")
                .fields()
                .forEachRemaining(
                        entry -> dataOptions.put(entry.getKey(), entry.getValue().asText()));
        Map<String, Double> test = new LinkedHashMap<>();
        for (String name : TEST_METRICS) {
            if (root.has(name)) {
                test.put(name, root.path(name).asDouble());
            }
        }
        Request request =
                new Request(
                        root.path("space").asText(),
                        settings,
                        Architecture.fromJson(root.path("architecture").toString()),
                        root.path("dataset").asText(),
                        dataOptions,
                        root.path("engine").asText(),
                        root.path("seed").asLong(),
                        new Budget(
                                root.path("epochs").asDouble(),
                                root.path("maxTrainExamples").asInt()),
                        readDistillation(root.path("distillation")));
        return new Report(
                request,
                root.path("objective").asText(Metrics.ACCURACY),
                metrics,
                test,
                Duration.ofMillis(Math.round(root.path("wallSeconds").asDouble() * 1000)),
                folder);
    }

    /**
     * Returns the train/validation split a retraining with this seed uses.
     *
     * @param seed the retraining's seed
     * @return the split
     */
    public static DataSplit split(long seed) {
        return DataSplit.of(seed);
    }

    private static Optional<Distillation> readDistillation(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(
                new Distillation(
                        Path.of(node.path("teacher").asText()),
                        node.path("temperature").floatValue(),
                        node.path("weight").floatValue()));
    }

    private static void write(Report report) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        Request request = report.request();
        root.set("architecture", JSON.readTree(request.architecture().toJson()));
        root.put("id", request.architecture().id());
        root.put("space", request.space());
        root.set("spaceSettings", JSON.valueToTree(new LinkedHashMap<>(request.spaceSettings())));
        root.put("dataset", request.dataset());
        root.set("dataOptions", JSON.valueToTree(new TreeMap<>(request.dataOptions())));
        root.put("engine", request.engine());
        root.put("seed", request.seed());
        DataSplit split = split(request.seed());
        ObjectNode splitNode = root.putObject("split");
        splitNode.put("seed", split.seed());
        splitNode.put("validationFraction", split.validationFraction());
        splitNode.put("maxValidationExamples", split.maxValidationExamples());
        root.put("epochs", request.budget().epochs());
        root.put("maxTrainExamples", request.budget().maxTrainExamples());
        request.distillation()
                .ifPresent(
                        d ->
                                root.putObject("distillation")
                                        .put("teacher", d.teacher().toAbsolutePath().toString())
                                        .put("temperature", d.teacherTemperature())
                                        .put("weight", d.teacherWeight()));
        root.put("objective", report.objective());
        root.set("metrics", JSON.valueToTree(report.metrics()));
        report.testMetrics().forEach(root::put);
        root.put("wallSeconds", report.wall().toMillis() / 1000.0);
        JSON.writeValue(report.folder().resolve(RESULT_FILE).toFile(), root);
    }
}
