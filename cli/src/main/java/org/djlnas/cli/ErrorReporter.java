package org.djlnas.cli;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.djlnas.zoo.InvalidArchiveException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line {@code nas: <reason>} on stderr and an exit status: {@value
 * #BAD_INPUT} for bad input (unknown options, malformed values, invalid architectures: picocli's
 * parameter errors, {@link IllegalArgumentException}s, archives that are not packed models and
 * input files not found; paths given that do not exist, are of the wrong kind or may not be read),
 * {@value #FAILURE} for anything else. With {@code --verbose} the stack trace follows the line. The
 * library's messages name configuration fields; the line names the flags that set them ({@link
 * FlagNames}).
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit status of a command that failed for another reason than its input. */
    static final int FAILURE = 1;

    /** Exit status of a command given bad input. */
    static final int BAD_INPUT = 2;

    /** The end of picocli's message for a value that is not a number of a Java type. */
    private static final Pattern JAVA_NUMBER =
            Pattern.compile("(' is not )an? (int|long|double|float|short|byte)\\b");

    /** The file system's reason for reading a folder as a file. */
    private static final String IS_A_DIRECTORY = "Is a directory";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        ParameterException first = unmatchedFirst(ex);
        String reason = inPlainWords(reason(first).replaceFirst("^Error: ", ""));
        if (first instanceof UnmatchedArgumentException unmatched) {
            reason = unknownCommand(cmd, unmatched).orElse(reason);
            List<String> suggestions = visibleSuggestions(cmd, unmatched);
            if (!suggestions.isEmpty()) {
                reason += "; did you mean " + String.join(" or ", suggestions) + "?";
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
        if (ex instanceof IllegalArgumentException
                || ex instanceof InvalidArchiveException
                || ex instanceof FileNotFoundException) {
            report(commandLine.getErr(), ex, reason(ex), verbose);
            return BAD_INPUT;
        }
        Optional<String> conflict = alreadyExists(ex);
        if (conflict.isPresent()) {
            report(commandLine.getErr(), ex, conflict.get(), verbose);
            return BAD_INPUT;
        }
        Optional<String> missing = pathProblem(ex);
        if (missing.isPresent()) {
            report(commandLine.getErr(), ex, missing.get(), verbose);
            return BAD_INPUT;
        }
        String hint = verbose ? "" : " (" + Main.VERBOSE + " shows the stack trace)";
        report(commandLine.getErr(), ex, reason(ex) + hint, verbose);
        return FAILURE;
    }

    /**
     * Describes a path the user gave that does not exist, is of the wrong kind or may not be read:
     * the file system's errors name only the path.
     */
    static Optional<String> pathProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException e && e.getFile() != null) {
                String file = "'" + e.getFile() + "'";
                String problem = null;
                if (e instanceof NoSuchFileException) {
                    problem = file + " does not exist";
                } else if (e instanceof NotDirectoryException) {
                    problem = file + " is not a folder";
                } else if (e instanceof AccessDeniedException) {
                    problem = file + " may not be read or written (permission denied)";
                } else if (IS_A_DIRECTORY.equals(e.getReason())) {
                    problem = file + " is a folder; expected a file";
                }
                if (problem != null) {
                    return Optional.of(
                            e.getOtherFile() == null
                                    ? problem
                                    : problem + " (with '" + e.getOtherFile() + "')");
                }
            }
        }
        return Optional.empty();
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
                        + String.join(", ", Main.visibleSubcommands(cmd)));
    }

    /** Picocli's suggestions, without hidden commands. */
    private static List<String> visibleSuggestions(CommandLine cmd, UnmatchedArgumentException ex) {
        List<String> hidden =
                cmd.getSubcommands().keySet().stream()
                        .filter(name -> !Main.visibleSubcommands(cmd).contains(name))
                        .toList();
        return ex.getSuggestions().stream().filter(s -> !hidden.contains(s)).toList();
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
        err.println("nas: " + FlagNames.inFlags(reason));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * Returns the reason of a refusal to overwrite something that exists (a published model
     * version, an imported one), which the user settles by choosing another name or replacing it.
     */
    private static Optional<String> alreadyExists(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FileAlreadyExistsException exists && exists.getReason() != null) {
                return Optional.of(exists.getReason());
            }
        }
        return Optional.empty();
    }

    /**
     * Rewrites picocli's words for a value it could not convert, which name Java types ({@code 'x'
     * is not an int}), and its doubled word for map options ({@code option option '--space-opt'}).
     */
    static String inPlainWords(String reason) {
        return JAVA_NUMBER
                .matcher(reason)
                .replaceAll(
                        match ->
                                match.group(1)
                                        + (match.group(2).equals("int")
                                                        || match.group(2).equals("long")
                                                ? "a whole number"
                                                : "a number"))
                .replace("option option '", "option '");
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
