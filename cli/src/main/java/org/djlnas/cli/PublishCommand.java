package org.djlnas.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.djlnas.api.eval.Metrics;
import org.djlnas.runtime.data.DataSplit;
import org.djlnas.runtime.data.ImageDataSource;
import org.djlnas.runtime.data.PixelNormalization;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.search.SearchSetup;
import org.djlnas.zoo.ModelPublication;
import org.djlnas.zoo.Provenance;
import org.djlnas.zoo.PublishedModel;
import org.djlnas.zoo.ZooCatalog;
import org.djlnas.zoo.ZooLayout;
import org.djlnas.zoo.ZooPublisher;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas publish}: writes a found architecture with final weights and its provenance into a
 * model zoo that any DJL program loads with {@code Criteria}.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Publish a found architecture with trained weights into a DJL model zoo folder.",
            "With --experiment DIR, the weights of 'nas retrain' in DIR/retrain are used; if there"
                    + " are none, the architecture is retrained first (--epochs, ...) and they are"
                    + " kept there. With --arch and --space, it is always trained first."
        })
final class PublishCommand implements Callable<Integer> {

    /** The strategy recorded for an architecture given by hand. */
    static final String GIVEN = "given";

    @Spec private CommandSpec spec;

    @Mixin private SpaceOptions space;

    @Mixin private TrainingOptions training;

    @Option(
            names = "--experiment",
            paramLabel = "DIR",
            description = "Publish the architecture in DIR/best.json.")
    private @Nullable Path experiment;

    @Option(
            names = "--arch",
            paramLabel = "FILE|JSON",
            description = "The architecture: a JSON file, or the JSON itself (with --space).")
    private @Nullable String arch;

    @Option(
            names = "--zoo",
            paramLabel = "DIR",
            required = true,
            description = "The model zoo folder (created if needed).")
    private Path zoo;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            required = true,
            description = "The model's name: its DJL artifact id.")
    private String name;

    @Option(
            names = "--version",
            paramLabel = "V",
            description = "The version (default: 1, or one more than the highest published).")
    private @Nullable String version;

    @Option(names = "--replace", description = "Replace the version if it is published already.")
    private boolean replace;

    @Option(names = "--json", description = "Print one JSON object with the result on stdout.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Plugins plugins = Main.plugins(spec);
        if ((experiment == null) == (arch == null)) {
            throw new IllegalArgumentException(
                    "give --experiment DIR (publish what a search found) or --arch FILE|JSON with"
                            + " --space ID, exactly one of them");
        }
        ZooLayout.requireName(name);
        String chosenVersion = version != null ? version : nextVersion();
        new ZooPublisher(zoo).check(name, chosenVersion, replace);
        if (experiment != null) {
            publish(chosenVersion, finalWeights(plugins, Retraining.folderOf(experiment)));
            return 0;
        }
        Path scratch = Files.createTempDirectory("nas-publish");
        try {
            publish(chosenVersion, finalWeights(plugins, scratch));
        } finally {
            deleteRecursively(scratch);
        }
        return 0;
    }

    private void publish(String chosenVersion, Retraining.Report trained) throws Exception {
        ImageDataSource data = SearchSetup.dataSource(trained.request().dataset());
        PixelNormalization normalization = data.normalization();
        ModelPublication publication =
                ModelPublication.builder()
                        .setName(name)
                        .setVersion(chosenVersion)
                        .setArchitecture(trained.request().architecture())
                        .setWeights(trained.weights())
                        .setClassNames(data.classNames())
                        .setInputShape(new Shape(data.inputShape().getShape()))
                        .optNormalization(normalization.mean(), normalization.std())
                        .setProvenance(provenance(trained))
                        .build();
        PublishedModel published = new ZooPublisher(zoo).publish(publication, replace);
        print(published);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private String nextVersion() throws Exception {
        if (!Files.isDirectory(zoo)) {
            return "1";
        }
        int highest = 0;
        for (PublishedModel model : new ZooCatalog(zoo).list().models()) {
            if (model.name().equals(name) && model.version().matches("\\d+")) {
                highest = Math.max(highest, Integer.parseInt(model.version()));
            }
        }
        return Integer.toString(highest + 1);
    }

    /**
     * Returns the final weights in a folder: those already retrained there, else trained now into
     * it (an experiment's {@code retrain} folder, kept; or a scratch folder for an architecture
     * given by hand).
     */
    private Retraining.Report finalWeights(Plugins plugins, Path folder) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (Retraining.isRetrained(folder)) {
            err.println("publish: the final weights of " + folder);
            err.flush();
            return Retraining.read(folder);
        }
        Retraining.Request request = training.request(plugins, space, experiment, arch);
        Retraining.check(request, plugins);
        err.println(
                "publish: no final weights yet; retraining "
                        + request.architecture().id()
                        + " for "
                        + request.budget().epochs()
                        + " epochs on "
                        + request.engine()
                        + " into "
                        + folder);
        err.flush();
        return Retraining.run(request, plugins, folder);
    }

    private Provenance provenance(Retraining.Report trained) throws Exception {
        Retraining.Request request = trained.request();
        Provenance.Builder builder =
                Provenance.builder()
                        .setSpace(request.space(), request.spaceSettings())
                        .optSeed("retrain", request.seed())
                        .setEngine(
                                request.engine(), Engine.getEngine(request.engine()).getVersion())
                        .setDataset(request.dataset(), split(request.seed()))
                        .optValidationMetrics(validationMetrics(trained.metrics()))
                        .optTestMetrics(Map.of(Provenance.ACCURACY, trained.testAccuracy()))
                        .setParameters(
                                Math.round(trained.metrics().getOrDefault(Metrics.PARAMETERS, 0.0)))
                        .setLibraryVersion(VersionProvider.libraryVersion())
                        .optDjlVersion(Engine.getDjlVersion());
        Double latency = trained.metrics().get(Metrics.LATENCY_MS);
        if (latency != null) {
            builder.optLatencyMs(latency);
        }
        if (experiment != null) {
            ExperimentConfig config = Retraining.readFound(experiment).config();
            builder.setStrategy(config.strategy(), config.strategySettings())
                    .optSeed("experiment", config.seed());
        } else {
            builder.setStrategy(GIVEN, Map.of());
        }
        return builder.build();
    }

    private static Map<String, Double> validationMetrics(Map<String, Double> metrics) {
        Map<String, Double> validation = new LinkedHashMap<>();
        for (String metric : new String[] {Metrics.ACCURACY, Metrics.LOSS}) {
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

    private static @Nullable Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private void print(PublishedModel published) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("name", published.name());
            root.put("version", published.version());
            root.put("id", published.architectureId());
            root.put("folder", published.folder().toString());
            root.put("validationAccuracy", orNull(published.validationAccuracy()));
            root.put("testAccuracy", orNull(published.testAccuracy()));
            root.put("parameters", published.parameters());
            Json.print(out, root);
            return;
        }
        out.printf(
                Locale.ROOT,
                "published %s version %s (%s) in %s%n  test accuracy %.4f, %,d parameters%n",
                published.name(),
                published.version(),
                published.architectureId(),
                published.folder(),
                published.testAccuracy().orElse(Double.NaN),
                published.parameters());
        out.flush();
    }
}
