package org.djlnas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineInfo;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.runtime.export.NetworkExport;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas export}: writes a found architecture with its trained weights in an engine's
 * deployment format (a TensorFlow SavedModel), checked against the original network.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a trained architecture for another engine (TensorFlow: a SavedModel that DJL's"
                    + " TensorFlow engine, or TensorFlow itself, runs).",
            "Give --experiment DIR to export what 'nas retrain --experiment DIR' trained (or, with"
                    + " --params, the experiment's best architecture with those weights), or --arch"
                    + " with --space and --params. The export is loaded back and its predictions"
                    + " compared with the original's; a difference above 1e-4 is an error."
        })
final class ExportCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private SpaceOptions space;

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            description =
                    "The engine to export for (default: the one engine that can export; see 'nas"
                            + " engines').")
    private @Nullable String engine;

    @Mixin private ArchitectureOptions architecture;

    @Option(
            names = "--params",
            paramLabel = "DIR|FILE",
            description =
                    "The trained weights: a folder of DJL parameters (NAME-NNNN.params) or one"
                            + " such file.")
    private @Nullable Path params;

    @Option(
            names = "--dataset",
            paramLabel = "KIND[:LOCATION]",
            description =
                    "The data set the network reads, for its input shape (default: the"
                            + " experiment's, else fashion-mnist).")
    private @Nullable String dataset;

    @Option(
            names = "--data-opt",
            paramLabel = "KEY=VALUE",
            description =
                    "An option of the data set's kind (for example target=price; see 'nas"
                            + " datasets'); repeatable; without --dataset they override the"
                            + " experiment's.")
    private Map<String, String> dataOptions = new LinkedHashMap<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "Where to write the exported model.")
    private Path out;

    @Option(names = "--json", description = "Print one JSON object with the result on stdout.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        EngineSelector engines = Engines.selector(Main.plugins(spec));
        String exportEngine = exportEngine(engines);
        engines.exporter(exportEngine); // an engine that cannot export is named before any work
        Plugins plugins = Main.plugins(spec);
        NetworkExport.Request request = request(plugins, exportEngine);
        PrintWriter err = spec.commandLine().getErr();
        err.println(
                "export: "
                        + request.spaceId()
                        + " architecture "
                        + request.architecture().id()
                        + " for "
                        + exportEngine
                        + " into "
                        + out);
        err.flush();
        NetworkExport.Report report = new NetworkExport(engines).export(request, out);
        print(request, report);
        return 0;
    }

    private String exportEngine(EngineSelector engines) {
        if (engine != null) {
            return engine;
        }
        List<String> able =
                engines.available().stream()
                        .filter(info -> info.capabilities().contains(EngineCapability.EXPORT))
                        .map(EngineInfo::name)
                        .toList();
        if (able.size() != 1) {
            throw new IllegalArgumentException(
                    able.isEmpty()
                            ? "no engine on the class path can export; add"
                                    + " djl-nas-engine-tensorflow"
                            : "several engines can export " + able + "; choose one with --engine");
        }
        return able.get(0);
    }

    private NetworkExport.Request request(Plugins plugins, String exportEngine) throws Exception {
        architecture.requireOne("export", "--space ID and --params");
        Optional<Path> experiment = architecture.experiment();
        if (experiment.isPresent() && params == null) {
            Path retrained = architecture.retrainFolder().orElseThrow();
            requireRetrained(retrained);
            Candidate candidate =
                    Candidate.retrained(
                            retrained,
                            space::settings,
                            plugins,
                            Optional.ofNullable(dataset),
                            dataOptions);
            return NetworkExport.Request.of(
                    candidate, Retraining.read(retrained).weights(), exportEngine, plugins);
        }
        Candidate candidate =
                architecture.candidate(
                        plugins,
                        space,
                        Optional.ofNullable(dataset),
                        dataOptions,
                        OptionalLong.empty());
        if (params == null) {
            throw new IllegalArgumentException(
                    "--arch needs --params DIR|FILE, the trained weights to export");
        }
        return NetworkExport.Request.of(candidate, params, exportEngine, plugins);
    }

    private static void requireRetrained(Path retrained) {
        if (!Retraining.isRetrained(retrained)) {
            throw new IllegalArgumentException(
                    "no retrained network in "
                            + retrained
                            + "; run 'nas retrain --experiment "
                            + retrained.getParent()
                            + "' first, or give --params with the weights to export");
        }
    }

    private void print(NetworkExport.Request request, NetworkExport.Report report) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("id", request.architecture().id());
            root.put("space", request.spaceId());
            root.put("engine", report.engine());
            root.put("engineVersion", report.engineVersion());
            root.put("checkedAgainst", report.sourceEngine());
            root.put("maxDifference", report.maxDifference());
            root.put("out", report.folder().toString());
            Json.print(stdout, root);
            return;
        }
        stdout.printf(
                Locale.ROOT,
                "exported %s for %s %s into %s%n  predictions match %s within %.2e on a check"
                        + " batch%n",
                request.architecture().id(),
                report.engine(),
                report.engineVersion(),
                report.folder(),
                report.sourceEngine(),
                report.maxDifference());
        stdout.flush();
    }
}
