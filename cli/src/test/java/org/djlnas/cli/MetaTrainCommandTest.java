package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas meta-train} and {@code nas search --warm-start DIR} with a one-shot strategy: bad
 * input is one line naming the flag, exit status 2, nothing written. (Meta-training itself is
 * tested on real data in the runtime's MetaTrainingTest.)
 */
class MetaTrainCommandTest {

    @TempDir Path folder;

    private static void assertOneLineError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("nas: " + message);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void refusesNoDataSetsABadStepSizeAndSecondOrderInnerSteps() {
        Path out = folder.resolve("meta");
        assertOneLineError(
                CliRun.of("meta-train", "--space", "darts", "--out", out.toString()),
                "--dataset is empty; expected at least one meta-training data set");
        assertOneLineError(
                CliRun.of(
                        "meta-train",
                        "--space",
                        "darts",
                        "--dataset",
                        "fashion-mnist",
                        "--meta-step-size",
                        "2",
                        "--out",
                        out.toString()),
                "--meta-step-size is 2.0; expected a number in (0, 1]");
        assertOneLineError(
                CliRun.of(
                        "meta-train",
                        "--space",
                        "darts",
                        "--dataset",
                        "fashion-mnist",
                        "--inner-opt",
                        "order=2",
                        "--out",
                        out.toString()),
                "the inner DARTS setting 'order' is 2; Reptile's inner steps are first order,"
                        + " expected 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesAnExistingOutputFolder() {
        assertOneLineError(
                CliRun.of(
                        "meta-train",
                        "--space",
                        "darts",
                        "--dataset",
                        "fashion-mnist",
                        "--out",
                        folder.toString()),
                "--out folder " + folder + " exists; expected a new folder");
    }

    @Test
    void aOneShotSearchRefusesAWarmStartFolderWithoutAManifest() {
        Path out = folder.resolve("search");
        assertOneLineError(
                CliRun.of(
                        "search",
                        "--space",
                        "darts",
                        "--strategy",
                        "darts",
                        "--epochs",
                        "1",
                        "--warm-start",
                        folder.toString(),
                        "--out",
                        out.toString()),
                "--warm-start: "
                        + folder
                        + " holds no manifest.json; expected a folder written by meta-training");
        assertThat(out).doesNotExist();
    }
}
