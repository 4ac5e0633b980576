package org.djlnas.runtime.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.space.BenchmarkStringCodec;

/**
 * Registers the {@code benchmark} evaluator: scores each architecture by lookup in a tabular
 * benchmark (a CSV of architecture strings and scores, such as NAS-Bench-201's), in milliseconds
 * and without training. The table is a built-in one named by its id ({@link
 * org.djlnas.api.eval.BenchmarkTableProvider}, such as {@code nas-bench-201-cifar10}) or a file.
 * {@code nas search --benchmark TABLE} is short for {@code --evaluator benchmark --evaluator-opt
 * table=TABLE}.
 */
public final class TabularBenchmarkEvaluatorProvider implements EvaluatorProvider {

    /** The registry id. */
    public static final String ID = "benchmark";

    /** The setting naming the table file. */
    public static final String TABLE = "table";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "looks each architecture up in a tabular benchmark (no training)";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.string(
                        TABLE,
                        "",
                        "a built-in table's id or a CSV file: architecture string, score (one"
                                + " per line)"));
    }

    @Override
    public Evaluator create(EvaluatorContext context) throws IOException {
        String table = context.settings().getString(TABLE);
        if (table.isBlank()) {
            throw new IllegalArgumentException(
                    "evaluator '" + ID + "' needs its table: `benchmark` CSV");
        }
        if (!(context.space() instanceof BenchmarkStringCodec)) {
            throw new IllegalArgumentException(
                    "space '"
                            + context.space().id()
                            + "' has no tabular benchmark strings; evaluator '"
                            + ID
                            + "' works with nas-bench-201");
        }
        BenchmarkTableProvider builtIn = context.benchmarkTables().get(table);
        if (builtIn == null && !Files.exists(Path.of(table))) {
            throw new IllegalArgumentException(
                    "`benchmark` '"
                            + table
                            + "' is neither a built-in table ("
                            + String.join(", ", new TreeSet<>(context.benchmarkTables().keySet()))
                            + ") nor an existing file");
        }
        if (builtIn == null) {
            return new TabularBenchmarkEvaluator(
                    context.space(),
                    TabularBenchmark.read(Path.of(table)),
                    context.engines(),
                    context.engine());
        }
        if (!builtIn.space().equals(context.space().id())) {
            throw new IllegalArgumentException(
                    "built-in benchmark table '"
                            + table
                            + "' holds architectures of space '"
                            + builtIn.space()
                            + "', not of space '"
                            + context.space().id()
                            + "'");
        }
        return new TabularBenchmarkEvaluator(
                context.space(),
                TabularBenchmark.read(builtIn),
                context.engines(),
                context.engine());
    }
}
