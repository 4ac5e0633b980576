package org.djlnas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djlnas.runtime.report.HtmlReport;
import org.djlnas.runtime.report.PngCharts;
import org.djlnas.runtime.report.ReportData;
import org.djlnas.runtime.report.ReportReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas report DIR}: writes a search's report as one self-contained HTML file. */
@Command(
        name = "report",
        description = {
            "Write a search's report as one HTML file that opens offline in any browser: summary,"
                    + " best so far, every trial, intermediate values, objective by choice,"
                    + " parallel coordinates, Pareto front, a trial table; for one-shot searches"
                    + " the architecture weights per epoch and the derived cells.",
            "Works on a search still running; 'nas search --report' keeps DIR/report.html up to"
                    + " date by itself."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The experiment folder (--out of nas search).")
    private Path folder = Path.of(".");

    @Option(
            names = "--out",
            paramLabel = "FILE.html",
            description = "Where to write the report (default: DIR/report.html).")
    private @Nullable Path out;

    @Option(
            names = "--png",
            paramLabel = "DIR",
            description = "Also write each chart as a PNG file into this folder.")
    private @Nullable Path png;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    private boolean json;

    @Override
    public Integer call() {
        ExperimentFolder.requireJournal(folder);
        Path file = out != null ? out : folder.resolve(HtmlReport.FILE_NAME);
        if (png != null) {
            PngCharts.checkFolder(png);
        }
        ReportData data = new ReportReader(Main.plugins(spec)).read(folder);
        HtmlReport.write(data, file);
        List<Path> pngs = png == null ? List.of() : PngCharts.write(data, png);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("report", file.toString());
            root.put("trials", data.trials().size());
            root.put("epochs", data.epochs().size());
            root.put("png", pngs.stream().map(Path::toString).toList());
            Json.print(stdout, root);
            return 0;
        }
        stdout.printf(
                "report of %d trials%s: %s%n",
                data.trials().size(),
                data.epochs().isEmpty() ? "" : " and " + data.epochs().size() + " epochs",
                file);
        for (Path p : pngs) {
            stdout.println("chart: " + p);
        }
        stdout.flush();
        return 0;
    }
}
