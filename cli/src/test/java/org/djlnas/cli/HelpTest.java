package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand answers {@code --help} and {@code -h} with its usage. */
class HelpTest {

    /** The words that name every command below {@code nas}, such as {@code zoo pack}. */
    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        collect(Main.commandLine(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> paths) {
        command.getSubcommands()
                .forEach(
                        (name, sub) -> {
                            String path = prefix.isEmpty() ? name : prefix + " " + name;
                            paths.add(path);
                            collect(sub, path, paths);
                        });
    }

    @Test
    void theTreeHoldsTheCommandsTheIssueFoundWithoutHelp() {
        assertThat(commands())
                .contains("search", "trials", "epochs", "publish", "zoo", "zoo pack")
                .hasSizeGreaterThanOrEqualTo(16);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpPrintsTheUsageAndSucceeds(String command) {
        for (String flag : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(flag);

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as("%s: %s", args, run.err()).isZero();
            assertThat(run.out()).startsWith("Usage: nas " + command).contains("-h, --help");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void hiddenCommandsAreNeitherListedNorSuggested() {
        CliRun missing = CliRun.of();
        CliRun misspelt = CliRun.of("bench-engin");

        assertThat(missing.err()).contains("expected one of spaces").doesNotContain("bench-engine");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("'bench-engin'").doesNotContain("bench-engine");
    }
}
