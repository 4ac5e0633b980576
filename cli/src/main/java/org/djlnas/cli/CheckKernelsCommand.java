package org.djlnas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.djlnas.runtime.kernels.KernelCaseResult;
import org.djlnas.runtime.kernels.KernelCheck;
import org.djlnas.runtime.kernels.KernelCheckConfig;
import org.djlnas.runtime.kernels.KernelCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas check-kernels}: checks PyTorch's CPU kernels on this machine (single against double
 * precision) and says whether they can be trusted. The {@code nas} launcher runs it once per CPU
 * and engine to choose oneDNN's instruction set.
 */
@Command(
        name = "check-kernels",
        mixinStandardHelpOptions = true,
        description = {
            "Check PyTorch's CPU kernels on this machine: outputs and gradients of the search"
                    + " spaces' operators, of two small networks and of a short training, in single"
                    + " precision against double precision (a few seconds).",
            "Exit status: 0 if every case passes, "
                    + CheckKernelsCommand.FAILED
                    + " if a case fails (its name on stderr), 2 for bad input.",
            "The oneDNN instruction sets tried are set by ONEDNN_MAX_CPU_ISA (ALL, AVX512_CORE,"
                    + " AVX2, AVX, SSE41)."
        })
final class CheckKernelsCommand implements Callable<Integer> {

    /** Exit status when a case fails: the kernels are not to be trusted. */
    static final int FAILED = 3;

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print the report as one JSON object on stdout.")
    private boolean json;

    @Option(
            names = "--tolerance",
            paramLabel = "ERROR",
            description =
                    "Largest relative error of an operator's outputs and gradients (default:"
                            + " ${DEFAULT-VALUE}).")
    private double tolerance = KernelCheckConfig.DEFAULT_TOLERANCE;

    /**
     * The report as printed with {@code --json}.
     *
     * @param engine the engine checked
     * @param engineVersion its version
     * @param instructionSetCap the oneDNN instruction-set cap in effect
     * @param passed whether every case passed
     * @param cases every case
     */
    record Output(
            String engine,
            String engineVersion,
            String instructionSetCap,
            boolean passed,
            List<Case> cases) {}

    /**
     * One case as printed with {@code --json}.
     *
     * @param group the kind of case
     * @param name the case
     * @param worstRelativeError its worst relative error
     * @param tolerance its bound
     * @param passed whether it is within the bound
     */
    record Case(
            String group,
            String name,
            double worstRelativeError,
            double tolerance,
            boolean passed) {}

    @Override
    public Integer call() {
        KernelCheckConfig defaults = KernelCheckConfig.defaults();
        KernelCheckConfig config =
                new KernelCheckConfig(
                        defaults.engine(),
                        defaults.seed(),
                        tolerance,
                        defaults.networkTolerance(),
                        defaults.trainingSteps());
        KernelCheckReport report = new KernelCheck(config, Main.plugins(spec)).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, output(report));
        } else {
            print(out, report);
        }
        if (report.firstFailure().isPresent()) {
            KernelCaseResult failed = report.firstFailure().get();
            spec.commandLine()
                    .getErr()
                    .printf(
                            Locale.ROOT,
                            "nas: kernel check failed: %s (%s): relative error %.2e above %.0e,"
                                    + " with oneDNN instruction-set cap %s%n",
                            failed.name(),
                            failed.group(),
                            failed.worstRelativeError(),
                            failed.tolerance(),
                            report.instructionSetCap());
            spec.commandLine().getErr().flush();
            return FAILED;
        }
        return 0;
    }

    private static Output output(KernelCheckReport report) {
        return new Output(
                report.engine(),
                report.engineVersion(),
                report.instructionSetCap(),
                report.passed(),
                report.cases().stream()
                        .map(
                                c ->
                                        new Case(
                                                c.group(),
                                                c.name(),
                                                c.worstRelativeError(),
                                                c.tolerance(),
                                                c.passed()))
                        .toList());
    }

    private static void print(PrintWriter out, KernelCheckReport report) {
        out.printf(
                Locale.ROOT,
                "engine %s %s, oneDNN instruction-set cap: %s%n",
                report.engine(),
                report.engineVersion(),
                report.instructionSetCap());
        int width = "CASE".length();
        for (KernelCaseResult c : report.cases()) {
            width = Math.max(width, c.name().length());
        }
        String row = "%-11s  %-" + width + "s  %11s  %7s  %s%n";
        out.printf(Locale.ROOT, row, "GROUP", "CASE", "WORST ERROR", "BOUND", "VERDICT");
        for (KernelCaseResult c : report.cases()) {
            out.printf(
                    Locale.ROOT,
                    row,
                    c.group(),
                    c.name(),
                    String.format(Locale.ROOT, "%.2e", c.worstRelativeError()),
                    String.format(Locale.ROOT, "%.0e", c.tolerance()),
                    c.passed() ? "ok" : "FAILED");
        }
        long failed = report.cases().stream().filter(c -> !c.passed()).count();
        out.printf(
                Locale.ROOT,
                failed == 0 ? "all %d cases pass%n" : "%2$d of %1$d cases FAILED%n",
                report.cases().size(),
                failed);
        out.flush();
    }
}
