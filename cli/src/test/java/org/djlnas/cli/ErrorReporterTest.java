package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorReporterTest {

    @Test
    void reasonIsTheFirstLineOfTheMessage() {
        Exception error = new IllegalStateException("native failure\n  frame 1\n  frame 2");

        assertThat(ErrorReporter.reason(error)).isEqualTo("native failure");
    }

    @Test
    void reasonFallsBackToTheCauseThenTheType() {
        Exception wrapped = new RuntimeException(null, new IllegalStateException("inner"));

        assertThat(ErrorReporter.reason(wrapped)).isEqualTo("inner");
        assertThat(ErrorReporter.reason(new NullPointerException()))
                .isEqualTo("NullPointerException");
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("spaces", "engines", "arch");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        CliRun run = CliRun.of("space");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("nas: unknown command 'space'").contains("spaces");
    }

    @Test
    void failuresOtherThanBadInputExitWithStatusOne() {
        StringWriter err = new StringWriter();
        CommandLine cmd =
                Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));

        int status =
                new ErrorReporter()
                        .handleExecutionException(
                                new IllegalStateException("engine crashed\nat native code"),
                                cmd,
                                cmd.parseArgs("spaces"));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo(
                        "nas: engine crashed (--verbose shows the stack trace)"
                                + System.lineSeparator());
    }
}
