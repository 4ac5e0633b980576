package org.djlnas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.zoo.PublishedModel;
import org.djlnas.zoo.RetrainedPublication;
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
                    + " kept there. With --arch and --space, it is always trained first.",
            "--trial N or --pick METRIC<=LIMIT publishes another trial than the best: --pick takes"
                    + " the best on the first objective among the trials on the Pareto front that"
                    + " keep the condition (its weights are kept in DIR/retrain-trial-N)."
        })
final class PublishCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private SpaceOptions space;

    @Mixin private TrainingOptions training;

    @Mixin private ArchitectureOptions architecture;

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
        architecture.requireOne("publish", "--space ID");
        ZooLayout.requireName(name);
        ZooPublisher publisher = new ZooPublisher(zoo);
        String chosenVersion = version != null ? version : publisher.nextVersion(name);
        publisher.check(name, chosenVersion, replace);
        Optional<Path> experiment = architecture.experiment();
        Optional<ExperimentConfig> foundBy = Optional.empty();
        if (experiment.isPresent()) {
            foundBy = Optional.of(Retraining.readFound(experiment.get()).config());
        }
        Optional<Path> retrain = architecture.retrainFolder();
        Path folder =
                retrain.isPresent() ? retrain.get() : Files.createTempDirectory("nas-publish");
        try {
            Retraining.Report trained = finalWeights(plugins, folder);
            print(
                    publisher.publish(
                            RetrainedPublication.of(
                                    name,
                                    chosenVersion,
                                    trained,
                                    foundBy,
                                    VersionProvider.libraryVersion(),
                                    plugins),
                            replace));
        } finally {
            if (experiment.isEmpty()) {
                deleteRecursively(folder);
            }
        }
        return 0;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
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
        Retraining.Request request = training.request(plugins, space, architecture);
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

    private static String capitalised(String metric) {
        return Character.toUpperCase(metric.charAt(0)) + metric.substring(1);
    }

    private void print(PublishedModel published) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("name", published.name());
            root.put("version", published.version());
            root.put("id", published.architectureId());
            root.put("folder", published.folder().toString());
            published
                    .provenance()
                    .validationMetrics()
                    .forEach(
                            (metric, value) -> root.put("validation" + capitalised(metric), value));
            published
                    .provenance()
                    .testMetrics()
                    .forEach((metric, value) -> root.put("test" + capitalised(metric), value));
            root.put("parameters", published.parameters());
            Json.print(out, root);
            return;
        }
        StringBuilder test = new StringBuilder();
        published
                .provenance()
                .testMetrics()
                .forEach(
                        (metric, value) ->
                                test.append(
                                        String.format(
                                                Locale.ROOT,
                                                "%s %.4f, ",
                                                TestMetricNames.shown("test" + capitalised(metric)),
                                                value)));
        out.printf(
                Locale.ROOT,
                "published %s version %s (%s) in %s%n  %s%,d parameters%n",
                published.name(),
                published.version(),
                published.architectureId(),
                published.folder(),
                test,
                published.parameters());
        out.flush();
    }
}
