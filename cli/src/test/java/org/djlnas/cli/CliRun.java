package org.djlnas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code nas} command line, with what it printed.
 *
 * @param exitCode the exit status
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code nas} with the given arguments, capturing its output. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode =
                Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                        .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
