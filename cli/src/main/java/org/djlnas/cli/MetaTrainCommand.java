package org.djlnas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.runtime.search.MetaTraining;
import org.djlnas.runtime.search.MetaTrainingConfig;
import org.djlnas.runtime.search.MetaTrainingReport;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.strategies.oneshot.MetaIteration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas meta-train}: Reptile over data sets for one-shot search; writes a meta-trained
 * supernet folder that {@code nas search --strategy darts --warm-start DIR} starts from.
 */
@Command(
        name = "meta-train",
        mixinStandardHelpOptions = true,
        description = {
            "Meta-train a one-shot space's supernet (shared weights and architecture parameters)"
                    + " over several data sets with Reptile, so that a DARTS or GDAS search on a"
                    + " new data set adapts from it: nas search --strategy darts --warm-start DIR.",
            "The classifier head and parameters whose shape differs between the data sets (the"
                    + " stem, if their channels differ) are task-specific and not meta-trained."
        })
final class MetaTrainCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private SpaceOptions space;

    @Option(
            names = "--dataset",
            paramLabel = "KIND[:LOCATION]",
            description = "A meta-training data set; repeat for each (see 'nas datasets').")
    private List<String> datasets = new ArrayList<>();

    @Option(
            names = "--data-opt",
            paramLabel = "KEY=VALUE",
            description = "An option given to every data set; repeatable.")
    private Map<String, String> dataOptions = new LinkedHashMap<>();

    @Option(
            names = "--max-train-examples",
            paramLabel = "N",
            description = "Use at most N training examples of each data set (default: all).")
    private int maxTrainExamples;

    @Option(
            names = "--meta-iterations",
            paramLabel = "N",
            description = "Meta-iterations, each adapting to one data set (default 20).")
    private int metaIterations = 20;

    @Option(
            names = "--inner-steps",
            paramLabel = "K",
            description = "DARTS steps (architecture and weight) per meta-iteration (default 5).")
    private int innerSteps = 5;

    @Option(
            names = "--meta-step-size",
            paramLabel = "EPSILON",
            description = "Reptile's step toward the adapted parameters, in (0, 1] (default 0.5).")
    private double metaStepSize = 0.5;

    @Option(
            names = "--inner-opt",
            paramLabel = "KEY=VALUE",
            description =
                    "A setting of the darts strategy for the inner steps (batch-size,"
                            + " learning-rate, arch-learning-rate...; see 'nas strategies');"
                            + " repeatable.")
    private Map<String, String> innerSettings = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "S", description = "The seed (default 0).")
    private long seed;

    @Option(names = "--engine", paramLabel = "NAME", description = "The DJL engine to train on.")
    private @Nullable String engine;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "The folder to write (must not exist).")
    private Path out;

    @Option(names = "--json", description = "Print one JSON object with the result on stdout.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Plugins plugins = Main.plugins(spec);
        String engineName =
                Engines.selector(plugins)
                        .select(Optional.ofNullable(engine), EngineCapability.TRAIN)
                        .getEngineName();
        MetaTrainingConfig config =
                MetaTrainingConfig.builder()
                        .setSpace(space.id())
                        .optSpaceSettings(space.settings(plugins.spaceProvider(space.id())))
                        .setDatasets(datasets)
                        .optDataOptions(dataOptions)
                        .optMaxTrainExamples(maxTrainExamples)
                        .optMetaIterations(metaIterations)
                        .optInnerSteps(innerSteps)
                        .optMetaStepSize(metaStepSize)
                        .optInnerSettings(innerSettings)
                        .optSeed(seed)
                        .setEngine(engineName)
                        .setOut(out)
                        .build();
        PrintWriter err = spec.commandLine().getErr();
        MetaTrainingReport report =
                MetaTraining.run(
                        config,
                        plugins,
                        iteration -> {
                            err.printf(
                                    Locale.ROOT,
                                    "meta-iteration %d/%d: %s, %d steps, train loss %.4f%n",
                                    iteration.iteration(),
                                    config.metaIterations(),
                                    iteration.task(),
                                    iteration.innerSteps(),
                                    iteration.trainLoss());
                            err.flush();
                        });
        print(report);
        return 0;
    }

    private void print(MetaTrainingReport report) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("out", report.folder().toString());
            root.put("space", report.manifest().space());
            root.put("tasks", report.manifest().tasks());
            root.put("iterations", report.iterations().size());
            root.put("sharedParameters", report.manifest().parameters().size());
            root.put("seconds", report.wall().toMillis() / 1000.0);
            root.put(
                    "trainLoss",
                    report.iterations().stream().map(MetaIteration::trainLoss).toList());
            Json.print(stdout, root);
            return;
        }
        stdout.printf(
                Locale.ROOT,
                "meta-trained %s over %s: %d iterations in %.1f s, %d shared parameters and α"
                        + " written to %s%n  start a search from it: nas search --space %s"
                        + " --strategy darts --warm-start %s --dataset ...%n",
                report.manifest().space(),
                String.join(", ", report.manifest().tasks()),
                report.iterations().size(),
                report.wall().toMillis() / 1000.0,
                report.manifest().parameters().size(),
                report.folder(),
                report.manifest().space(),
                report.folder());
        stdout.flush();
    }
}
