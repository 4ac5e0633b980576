package org.djlnas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nas arch}: takes one architecture of a space (drawn at random, given as JSON, or given as
 * a benchmark string), validates it and shows its canonical form and id; with {@code --input} it
 * also compiles the architecture and reports its trainable parameters and output shape.
 */
@Command(
        name = "arch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show one architecture of a space: canonical JSON, id, parameters.",
            "",
            "The architecture is drawn at random, read from JSON or parsed from a benchmark"
                    + " string, then validated against the space. With --input it is also"
                    + " compiled and initialized on an engine to count its trainable parameters"
                    + " and find its output shape."
        })
final class ArchCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private SpaceOptions space = new SpaceOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source = new Source();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of --random (default 0).")
    private @Nullable Long seed;

    @Option(
            names = "--input",
            paramLabel = "C,H,W",
            converter = InputShape.Converter.class,
            description = "Compile for one input of this shape and count parameters.")
    private @Nullable InputShape input;

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            description = "The DJL engine for --input (see 'nas engines').")
    private @Nullable String engine;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    private boolean json;

    /** Where the architecture comes from: exactly one of these. */
    static final class Source {

        @Option(names = "--random", required = true, description = "Draw one uniformly.")
        boolean random;

        @Option(
                names = "--arch",
                required = true,
                paramLabel = "JSON|FILE",
                description = "An architecture as JSON text or a JSON file.")
        @Nullable String arch;

        @Option(
                names = "--benchmark-string",
                required = true,
                paramLabel = "STR",
                description = "A NAS-Bench-201 architecture string.")
        @Nullable String benchmarkString;
    }

    /**
     * What {@code nas arch --json} prints.
     *
     * @param space the space's id
     * @param settings the space's resolved settings
     * @param architecture the canonical architecture
     * @param id the architecture's id
     * @param benchmarkString its benchmark string, if the space has them
     * @param engine the engine that measured it, with {@code --input}
     * @param parameters its trainable parameters, with {@code --input}
     * @param outputShape its output shape for one input, with {@code --input}
     */
    record Result(
            String space,
            Map<String, Object> settings,
            JsonNode architecture,
            String id,
            @Nullable String benchmarkString,
            @Nullable String engine,
            @Nullable Long parameters,
            long @Nullable [] outputShape) {}

    @Override
    public Integer call() {
        if (seed != null && !source.random) {
            throw new ParameterException(spec.commandLine(), "--seed applies only to --random");
        }
        SearchSpace searchSpace =
                space.create(
                        Main.plugins(spec),
                        input == null ? OptionalInt.empty() : OptionalInt.of(input.channels()));
        Architecture architecture = searchSpace.validate(architecture(searchSpace));
        String benchmarkString =
                searchSpace instanceof BenchmarkStringCodec codec
                        ? codec.toBenchmarkString(architecture)
                        : null;
        BlockProbe.Result probe = null;
        if (input != null) {
            probe =
                    BlockProbe.measure(
                            Engines.selector(Main.plugins(spec)),
                            searchSpace.compile(architecture),
                            input,
                            engine);
        }
        Result result =
                new Result(
                        searchSpace.id(),
                        searchSpace.settings().asMap(),
                        Json.tree(architecture.toJson()),
                        architecture.id(),
                        benchmarkString,
                        probe == null ? null : probe.engine(),
                        probe == null ? null : probe.parameters(),
                        probe == null ? null : probe.outputShape().getShape());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, result);
        } else {
            print(out, result, architecture, probe);
        }
        return 0;
    }

    private Architecture architecture(SearchSpace searchSpace) {
        if (source.random) {
            return searchSpace.sample(new SplittableRandom(seed == null ? 0 : seed));
        }
        if (source.arch != null) {
            return ArchitectureReader.read(source.arch);
        }
        if (!(searchSpace instanceof BenchmarkStringCodec codec)) {
            throw new IllegalArgumentException(
                    "space " + searchSpace.id() + " has no benchmark strings");
        }
        return codec.fromBenchmarkString(String.valueOf(source.benchmarkString));
    }

    private static void print(
            PrintWriter out,
            Result result,
            Architecture architecture,
            BlockProbe.@Nullable Result probe) {
        out.println("space:        " + result.space() + " " + result.settings());
        out.println("id:           " + result.id());
        out.println("architecture: " + architecture.toJson());
        if (result.benchmarkString() != null) {
            out.println("benchmark:    " + result.benchmarkString());
        }
        if (probe != null) {
            out.println(
                    String.format(
                            Locale.ROOT, "parameters:   %,d (trainable)", probe.parameters()));
            out.println("output shape: " + probe.outputShape());
            out.println("engine:       " + probe.engine() + " " + probe.engineVersion());
        }
        out.flush();
    }
}
