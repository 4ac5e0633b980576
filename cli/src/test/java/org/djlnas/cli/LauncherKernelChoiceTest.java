package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code nas} launcher's choice of oneDNN's instruction set, run as a script over a built tree
 * whose {@code java} is a stand-in: its kernel check fails for the instruction sets listed in
 * {@code FAILING}, and any other command prints the cap it was given.
 */
class LauncherKernelChoiceTest {

    private static final String FAKE_JAVA =
            """
            #!/usr/bin/env bash
            for argument in "$@"; do
                if [[ $argument == check-kernels ]]; then
                    echo "$ONEDNN_MAX_CPU_ISA" >>"$CHECKS"
                    [[ " $FAILING " == *" $ONEDNN_MAX_CPU_ISA "* ]] && exit 3
                    exit 0
                fi
            done
            echo "cap $ONEDNN_MAX_CPU_ISA"
            """;

    @TempDir Path root;

    private Path checks;

    @BeforeEach
    void builtTree() throws IOException {
        Files.copy(Path.of("../nas"), root.resolve("nas"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(root.resolve("cli/target/lib"));
        Files.createFile(root.resolve("cli/target/nas-cli.jar"));
        Files.createFile(root.resolve("cli/target/lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar"));
        Files.createDirectories(root.resolve("target"));
        Files.createFile(root.resolve("target/nas-build.stamp"));
        Path java = Files.createDirectories(root.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, FAKE_JAVA, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        checks = root.resolve("checks.txt");
    }

    @Test
    void theFirstCommandChecksOnceAndLaterOnesReadTheVerdict() throws Exception {
        Run first = nas(Map.of("FAILING", ""));
        Run second = nas(Map.of("FAILING", ""));

        assertThat(first.out()).isEqualTo("cap ALL\n");
        assertThat(first.err()).isEqualTo("checking this CPU's oneDNN kernels (once)…\n");
        assertThat(second.out()).isEqualTo("cap ALL\n");
        assertThat(second.err()).isEmpty();
        assertThat(Files.readAllLines(checks)).containsExactly("ALL");
        List<String> verdict = Files.readAllLines(root.resolve("target/nas-kernels.verdict"));
        assertThat(verdict).hasSize(3);
        assertThat(verdict.get(1)).isEqualTo("ALL");
        assertThat(verdict.get(2)).startsWith("ONEDNN_MAX_CPU_ISA=ALL passed nas check-kernels on");
    }

    @Test
    void whenTheFastestKernelsFailAvx2IsTriedThenSse41() throws Exception {
        Run avx2 = nas(Map.of("FAILING", "ALL"));

        assertThat(avx2.out()).isEqualTo("cap AVX2\n");
        assertThat(Files.readAllLines(root.resolve("target/nas-kernels.verdict")).get(2))
                .contains("AVX2 passed", "(ALL failed)");

        Files.delete(root.resolve("target/nas-kernels.verdict"));
        Run sse41 = nas(Map.of("FAILING", "ALL AVX2"));

        assertThat(sse41.out()).isEqualTo("cap SSE41\n");
        assertThat(sse41.err())
                .contains("oneDNN's faster kernels failed the check on this CPU; using SSE41");
        assertThat(Files.readAllLines(checks)).containsExactly("ALL", "AVX2", "ALL", "AVX2");
        assertThat(nas(Map.of("FAILING", "")).out()).isEqualTo("cap SSE41\n");
    }

    @Test
    void anotherPyTorchBuildChecksAgain() throws Exception {
        nas(Map.of("FAILING", "ALL"));
        Files.move(
                root.resolve("cli/target/lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar"),
                root.resolve("cli/target/lib/pytorch-native-cpu-2.8.0-linux-x86_64.jar"));

        Run again = nas(Map.of("FAILING", ""));

        assertThat(again.out()).isEqualTo("cap ALL\n");
        assertThat(Files.readAllLines(checks)).containsExactly("ALL", "AVX2", "ALL");
    }

    @Test
    void aCapTheUserSetIsKeptAndNothingIsChecked() throws Exception {
        Run run = nas(Map.of("FAILING", "", "ONEDNN_MAX_CPU_ISA", "AVX"));

        assertThat(run.out()).isEqualTo("cap AVX\n");
        assertThat(run.err()).isEmpty();
        assertThat(checks).doesNotExist();
        assertThat(root.resolve("target/nas-kernels.verdict")).doesNotExist();
    }

    private record Run(String out, String err) {}

    private Run nas(Map<String, String> environment) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("bash", root.resolve("nas").toString(), "--help");
        builder.environment().remove("ONEDNN_MAX_CPU_ISA");
        builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        builder.environment().put("CHECKS", checks.toString());
        builder.environment().putAll(environment);
        builder.redirectError(root.resolve("err.txt").toFile());
        builder.redirectOutput(root.resolve("out.txt").toFile());
        int status = builder.start().waitFor();
        assertThat(status).as(Files.readString(root.resolve("err.txt"))).isZero();
        return new Run(
                Files.readString(root.resolve("out.txt")),
                Files.readString(root.resolve("err.txt")));
    }
}
