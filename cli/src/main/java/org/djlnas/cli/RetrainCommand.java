package org.djlnas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.training.Distillation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas retrain}: trains a found architecture from scratch and tests it. */
@Command(
        name = "retrain",
        mixinStandardHelpOptions = true,
        description = {
            "Train an architecture from scratch with the multi-trial training recipe and report its"
                    + " validation and test metrics (accuracy; or RMSE and MAE).",
            "Give --experiment DIR to retrain what a search found (its space, settings, data set"
                    + " and seed; --space-opt overrides settings, e.g. a wider network), or --arch"
                    + " with --space.",
            "Give --teacher MODEL to learn from a trained network too (knowledge distillation):"
                    + " a folder nas retrain wrote (or an experiment retrained by it), or a"
                    + " published model's version or model folder in a zoo."
        })
final class RetrainCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private SpaceOptions space;

    @Mixin private TrainingOptions training;

    @Mixin private ArchitectureOptions architecture;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write weights/ and retrain.json (default DIR/retrain).")
    private @Nullable Path out;

    @Option(names = "--json", description = "Print one JSON object with the result on stdout.")
    private boolean json;

    @Option(
            names = "--teacher",
            paramLabel = "MODEL",
            description =
                    "Learn from this network's softened outputs too (Hinton et al. 2015): a"
                            + " retrained network's folder, an experiment folder with retrain/,"
                            + " or a published model's folder; classification only.")
    private @Nullable Path teacher;

    @Option(
            names = "--teacher-temperature",
            paramLabel = "T",
            description = "Distillation's temperature (default 4).")
    private @Nullable Float teacherTemperature;

    @Option(
            names = "--teacher-weight",
            paramLabel = "W",
            description =
                    "The weight of the teacher's term, in [0, 1]; the labels' term gets 1 - W"
                            + " (default 0.9).")
    private @Nullable Float teacherWeight;

    @Override
    public Integer call() throws Exception {
        Plugins plugins = Main.plugins(spec);
        Retraining.Request request = withTeacher(training.request(plugins, space, architecture));
        Path folder = folder();
        Retraining.check(request, plugins);
        PrintWriter err = spec.commandLine().getErr();
        err.println(
                "retrain: "
                        + request.space()
                        + " architecture "
                        + request.architecture().id()
                        + ", "
                        + request.budget().epochs()
                        + " epochs on "
                        + request.dataset()
                        + " ("
                        + request.engine()
                        + ")"
                        + request.distillation()
                                .map(d -> ", learning from " + d.teacher())
                                .orElse(""));
        err.flush();
        Retraining.Report report = Retraining.run(request, plugins, folder);
        print(report);
        return 0;
    }

    private Retraining.Request withTeacher(Retraining.Request request) {
        if (teacher == null) {
            if (teacherTemperature != null || teacherWeight != null) {
                throw new IllegalArgumentException(
                        "--teacher-temperature and --teacher-weight need --teacher MODEL");
            }
            return request;
        }
        return request.withDistillation(
                new Distillation(
                        teacher,
                        teacherTemperature == null
                                ? Distillation.DEFAULT_TEMPERATURE
                                : teacherTemperature,
                        teacherWeight == null ? Distillation.DEFAULT_WEIGHT : teacherWeight));
    }

    private Path folder() throws IOException {
        if (out != null) {
            return out;
        }
        Optional<Path> retrain = architecture.retrainFolder();
        if (retrain.isPresent()) {
            return retrain.get();
        }
        throw new IllegalArgumentException("--arch needs --out DIR, where to write the weights");
    }

    private void print(Retraining.Report report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("id", report.request().architecture().id());
            root.put("space", report.request().space());
            root.put("spaceSettings", report.request().spaceSettings());
            root.put("objective", report.objective());
            root.put("metrics", report.metrics());
            root.putAll(report.testMetrics());
            root.put("wallSeconds", report.wall().toMillis() / 1000.0);
            root.put("out", report.folder().toString());
            Json.print(out, root);
            return;
        }
        StringBuilder test = new StringBuilder();
        report.testMetrics()
                .forEach(
                        (name, value) ->
                                test.append(test.isEmpty() ? "" : ", ")
                                        .append(
                                                String.format(
                                                        Locale.ROOT,
                                                        "%s %.4f",
                                                        TestMetricNames.shown(name),
                                                        value)));
        out.printf(
                Locale.ROOT,
                "retrained %s in %.1f s; %s%n",
                report.request().architecture().id(),
                report.wall().toMillis() / 1000.0,
                test);
        report.metrics()
                .forEach((name, value) -> out.printf(Locale.ROOT, "  %-14s %.4f%n", name, value));
        out.println("  (" + report.folder().resolve(Retraining.RESULT_FILE) + ")");
        out.flush();
    }
}
