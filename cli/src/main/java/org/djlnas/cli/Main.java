package org.djlnas.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.djlnas.runtime.search.Plugins;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code nas} command: neural architecture search on DJL. Without a subcommand it is a usage
 * error; {@code nas --help} lists the subcommands.
 */
@Command(
        name = "nas",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Neural architecture search on DJL.",
        subcommands = {
            SpacesCommand.class,
            EnginesCommand.class,
            ArchCommand.class,
            StrategiesCommand.class,
            EvaluatorsCommand.class,
            DatasetsCommand.class,
            BenchmarksCommand.class,
            SearchCommand.class,
            MetaTrainCommand.class,
            RetrainCommand.class,
            ExportCommand.class,
            PublishCommand.class,
            ZooCommand.class,
            TrialsCommand.class,
            EpochsCommand.class,
            ReportCommand.class,
            BenchEngineCommand.class,
            CheckKernelsCommand.class
        },
        usageHelpAutoWidth = true)
public final class Main implements Callable<Integer> {

    /** The option that makes errors print their stack trace. */
    static final String VERBOSE = "--verbose";

    private static final List<String> HELP_NAMES = List.of("-h", "--help");

    @Spec private CommandSpec spec;

    private final Supplier<Plugins> discover;
    private @Nullable Plugins plugins;

    @Option(
            names = VERBOSE,
            scope = ScopeType.INHERIT,
            description = "On errors, also print the stack trace to stderr.")
    private boolean verbose;

    /**
     * Creates the command over the plug-ins on the class path; picocli fills in its options. The
     * registry is built once, when a command first needs it ({@link Plugins#discover()}), so that
     * {@code nas --help} or {@code nas trials} work even when a plug-in jar is broken.
     */
    public Main() {
        this(Plugins::discover);
    }

    private Main(Supplier<Plugins> discover) {
        this.discover = discover;
    }

    /**
     * Returns the plug-in registry, building it on first use. Every command takes it from here.
     *
     * @return the registry
     * @throws IllegalStateException if two plug-ins use one id
     */
    synchronized Plugins plugins() {
        if (plugins == null) {
            plugins = discover.get();
        }
        return plugins;
    }

    /**
     * Returns the plug-in registry of the {@code nas} command a command runs under.
     *
     * @param spec the running command's spec (of a subcommand or a mixin's command)
     * @return the registry
     */
    static Plugins plugins(CommandSpec spec) {
        return ((Main) spec.root().userObject()).plugins();
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains(VERBOSE)
                && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "info");
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * Creates the {@code nas} command line with its error handling: a single line {@code nas:
     * <reason>} on stderr, status 2 for bad input and 1 for other failures.
     *
     * @return the command line, writing to the process's stdout and stderr
     */
    public static CommandLine commandLine() {
        return commandLine(new Main());
    }

    /**
     * Creates the {@code nas} command line over a plug-in registry built elsewhere, for embedding
     * and tests: commands use this registry and find none of their own.
     *
     * @param plugins the registry every command uses
     * @return the command line, writing to the process's stdout and stderr
     */
    public static CommandLine commandLine(Plugins plugins) {
        requireNonNull(plugins, "plugins is null");
        return commandLine(new Main(() -> plugins));
    }

    private static CommandLine commandLine(Main main) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine =
                new CommandLine(main)
                        .setExecutionExceptionHandler(errors)
                        .setParameterExceptionHandler(errors);
        addHelpOption(commandLine);
        return commandLine;
    }

    /**
     * Gives every command and subcommand {@code -h, --help}: commands with their own {@code
     * --version} option (which {@code mixinStandardHelpOptions} would clash with) and commands
     * declared without the mixin get it here.
     */
    private static void addHelpOption(CommandLine commandLine) {
        CommandSpec command = commandLine.getCommandSpec();
        if (command.optionsMap().keySet().stream().noneMatch(HELP_NAMES::contains)) {
            command.addOption(
                    OptionSpec.builder(HELP_NAMES.toArray(String[]::new))
                            .usageHelp(true)
                            .description("Show this help message and exit.")
                            .build());
        }
        commandLine.getSubcommands().values().forEach(Main::addHelpOption);
    }

    /**
     * Returns the names of the commands a user may type after a command: its subcommands that are
     * not hidden.
     *
     * @param command the command
     * @return the names, in declaration order
     */
    static List<String> visibleSubcommands(CommandLine command) {
        return command.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Creates the {@code nas} command line writing to the given streams, for embedding and tests.
     *
     * @param out where results go
     * @param err where messages and errors go
     * @return the command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine().setOut(out).setErr(err);
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "missing command; expected one of "
                        + String.join(", ", visibleSubcommands(spec.commandLine())));
    }
}
