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

    @Test
    void pathsThatAreMissingOrOfTheWrongKindAreBadInputNamedByPath() {
        assertThat(ErrorReporter.pathProblem(new java.nio.file.NoSuchFileException("in.zip")))
                .contains("'in.zip' does not exist");
        assertThat(
                        ErrorReporter.pathProblem(
                                new java.io.UncheckedIOException(
                                        new java.nio.file.NotDirectoryException("zoo"))))
                .contains("'zoo' is not a folder");
        assertThat(
                        ErrorReporter.pathProblem(
                                new java.nio.file.FileSystemException(
                                        "table.csv", null, "Is a directory")))
                .contains("'table.csv' is a folder; expected a file");
        assertThat(ErrorReporter.pathProblem(new java.io.IOException("disk full"))).isEmpty();

        CliRun run = CliRun.of("zoo", "import", "no-such-zoo", "no-such-archive.zip");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("nas: 'no-such-archive.zip' does not exist" + System.lineSeparator());
    }

    @Test
    void verbosePrintsTheSameLineThenTheStackTrace() {
        CliRun run = CliRun.of("trials", "no-such-folder", "--verbose");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "nas: experiment folder 'no-such-folder' does not exist; expected the"
                                + " --out folder of 'nas search'");
        assertThat(run.err().lines().count()).isGreaterThan(2);
    }
}
