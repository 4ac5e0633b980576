package org.djlnas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.djlnas.runtime.benchmark.TabularBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas benchmarks}: lists the built-in tabular benchmarks, read to count their rows. */
@Command(
        name = "benchmarks",
        mixinStandardHelpOptions = true,
        description =
                "List the built-in tabular benchmarks (nas search --benchmark ID): id, space,"
                        + " rows, metric and source.")
final class BenchmarksCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    /**
     * One listed table.
     *
     * @param id the table's id
     * @param space the space whose architectures it scores
     * @param rows its number of architectures
     * @param metric what its scores measure
     * @param source where it comes from, and its licence
     * @param sha256 the SHA-256 of its CSV text
     */
    record Listing(
            String id, String space, int rows, String metric, String source, String sha256) {}

    @Override
    public Integer call() throws IOException {
        List<Listing> listings = new ArrayList<>();
        for (BenchmarkTableProvider table : Main.plugins(spec).benchmarkTables().values()) {
            TabularBenchmark read = TabularBenchmark.read(table);
            listings.add(
                    new Listing(
                            table.id(),
                            table.space(),
                            read.size(),
                            table.metric(),
                            table.source(),
                            read.sha256()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, listings);
            return 0;
        }
        for (Listing l : listings) {
            out.printf(Locale.ROOT, "%s  (space %s, %,d rows)%n", l.id(), l.space(), l.rows());
            out.printf(Locale.ROOT, "    metric: %s%n", l.metric());
            out.printf(Locale.ROOT, "    source: %s%n", l.source());
            out.printf(Locale.ROOT, "    sha256: %s%n", l.sha256());
        }
        out.flush();
        return 0;
    }
}
