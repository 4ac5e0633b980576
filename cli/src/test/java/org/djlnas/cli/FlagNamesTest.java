package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.djlnas.runtime.search.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library names configuration fields and the command line shows flags: one table maps them, and
 * the flags that may not change on {@code --resume} follow from {@link ExperimentConfig}.
 */
class FlagNamesTest {

    @TempDir Path folder;

    @Test
    void fieldsInBackticksBecomeTheirFlags() {
        assertThat(
                        FlagNames.inFlags(
                                "`epochs` is 0.0 and `maxTrainExamples` is -1; expected epochs >"
                                        + " 0"))
                .isEqualTo("--epochs is 0.0 and --max-train-examples is -1; expected epochs > 0");
        assertThat(FlagNames.inFlags("`weights` w.bin is not a DJL parameter file"))
                .isEqualTo("--params w.bin is not a DJL parameter file");
        assertThat(FlagNames.inFlags("evaluator 'benchmark' needs its table: `benchmark` CSV"))
                .isEqualTo("evaluator 'benchmark' needs its table: --benchmark CSV");
    }

    @Test
    void aFieldNoFlagSetsIsQuotedAndTextWithoutFieldsIsKept() {
        assertThat(FlagNames.inFlags("`batchSize` is 0")).isEqualTo("'batchSize' is 0");
        assertThat(FlagNames.inFlags("space 'darts' has no label 'a/b'"))
                .isEqualTo("space 'darts' has no label 'a/b'");
        assertThatThrownBy(() -> FlagNames.of("batchSize"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batchSize");
    }

    @Test
    void everyFieldOfAnExperimentHasAFlag() {
        for (RecordComponent component : ExperimentConfig.class.getRecordComponents()) {
            assertThat(FlagNames.of(component.getName())).as(component.getName()).isNotEmpty();
        }
    }

    @Test
    void theFlagsFixedOnResumeAreThoseOfTheDefiningFields() {
        List<String> resumable =
                ExperimentConfig.RESUMABLE.stream()
                        .flatMap(field -> FlagNames.of(field).stream())
                        .toList();
        List<String> all =
                Arrays.stream(ExperimentConfig.class.getRecordComponents())
                        .flatMap(component -> FlagNames.of(component.getName()).stream())
                        .toList();

        assertThat(resumable)
                .containsExactlyInAnyOrder(
                        "--trials",
                        "--benchmark",
                        "--executor",
                        "--max-retries",
                        "--worker-jvm-opt",
                        "--spark-master");
        assertThat(SearchCommand.DEFINING)
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().filter(flag -> !resumable.contains(flag)).toList())
                .contains("--space-opt", "--classes", "--evaluator-opt", "--max-train-examples");
    }

    static List<String> definingFlags() {
        return SearchCommand.DEFINING;
    }

    @ParameterizedTest
    @MethodSource("definingFlags")
    void aDefiningFlagIsRefusedOnResume(String flag) {
        String value = flag.endsWith("-opt") ? "a=1" : "1";

        CliRun run = CliRun.of("search", "--resume", "--out", folder.toString(), flag, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("nas: " + flag + " cannot be given with --resume")
                .doesNotContain("`");
    }

    @Test
    void aLibraryMessageReachesTheUserInFlags() {
        CliRun run =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--benchmark",
                        "nas-bench-201-cifar10",
                        "--trials",
                        "1",
                        "--parallel",
                        "0",
                        "--out",
                        folder.resolve("exp").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("nas: --parallel is 0; expected at least 1\n");
    }
}
