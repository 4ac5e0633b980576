package org.djlnas.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line {@code nas: <reason>} on stderr and an exit status: {@value
 * #BAD_INPUT} for bad input (unknown options, malformed values, invalid architectures: picocli's
 * parameter errors and {@link IllegalArgumentException}s), {@value #FAILURE} for anything else.
 * With {@code --verbose} the stack trace follows the line.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit status of a command that failed for another reason than its input. */
    static final int FAILURE = 1;

    /** Exit status of a command given bad input. */
    static final int BAD_INPUT = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        ParameterException first = unmatchedFirst(ex);
        String reason = reason(first).replaceFirst("^Error: ", "");
        if (first instanceof UnmatchedArgumentException unmatched) {
            reason = unknownCommand(cmd, unmatched).orElse(reason);
            if (!unmatched.getSuggestions().isEmpty()) {
                reason += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
        }
        String help = cmd.getCommandSpec().qualifiedName() + " --help";
        report(
                cmd.getErr(),
                ex,
                reason + " (see '" + help + "')",
                Arrays.asList(args).contains(Main.VERBOSE));
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, ParseResult parseResult) {
        boolean verbose = isVerbose(parseResult);
        if (ex instanceof IllegalArgumentException) {
            report(commandLine.getErr(), ex, reason(ex), verbose);
            return BAD_INPUT;
        }
        String hint = verbose ? "" : " (" + Main.VERBOSE + " shows the stack trace)";
        report(commandLine.getErr(), ex, reason(ex) + hint, verbose);
        return FAILURE;
    }

    /** Names an unknown subcommand as such, rather than as an "unmatched argument". */
    private static Optional<String> unknownCommand(CommandLine cmd, UnmatchedArgumentException ex) {
        List<String> unmatched = ex.getUnmatched();
        if (cmd.getSubcommands().isEmpty()
                || unmatched.isEmpty()
                || unmatched.get(0).startsWith("-")) {
            return Optional.empty();
        }
        return Optional.of(
                "unknown command '"
                        + unmatched.get(0)
                        + "'; expected one of "
                        + String.join(", ", cmd.getSubcommands().keySet()));
    }

    /**
     * Picocli reports a missing required option before an unknown one, but the unknown one is
     * usually the cause (a misspelt option), so it is reported instead.
     */
    private static ParameterException unmatchedFirst(ParameterException ex) {
        List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
        if (ex instanceof UnmatchedArgumentException || unmatched.isEmpty()) {
            return ex;
        }
        return new UnmatchedArgumentException(ex.getCommandLine(), unmatched);
    }

    private static void report(PrintWriter err, Exception ex, String reason, boolean verbose) {
        err.println("nas: " + reason);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * Returns the first line of the message of an error or, failing that, of its causes: engines
     * append native stack traces to their messages, and those belong to {@code --verbose}.
     */
    static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return message.strip().lines().findFirst().orElseThrow().strip();
            }
        }
        return error.getClass().getSimpleName();
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(Main.VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
