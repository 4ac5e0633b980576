package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Commands take the plug-in registry that {@link Main} holds; none finds plug-ins itself. */
class RegistryTest {

    private static JsonNode run(CommandLine nas, String... args) throws IOException {
        StringWriter out = new StringWriter();
        nas.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
        assertThat(nas.execute(args)).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void everyListingShowsTheRegistryMainWasGivenAndNotTheClassPath() throws IOException {
        PluginCatalog all = PluginCatalog.discover();
        // The class path has every built-in plug-in; this registry keeps one of some kinds and
        // none of others, so a command that found plug-ins itself would list more.
        Plugins some =
                Plugins.of(
                        new PluginCatalog(
                                all.spaces().stream()
                                        .filter(p -> p.id().equals("small-cnn"))
                                        .toList(),
                                all.strategies().stream()
                                        .filter(p -> p.id().equals("grid"))
                                        .toList(),
                                List.of(),
                                all.operations(),
                                all.evaluators().stream()
                                        .filter(p -> p.id().equals("benchmark"))
                                        .toList(),
                                List.of(),
                                all.pruners(),
                                all.dataSources(),
                                all.engines()));
        CommandLine nas = Main.commandLine(some);
        assertThat(run(nas, "strategies", "--json").findValuesAsText("id")).containsExactly("grid");
        assertThat(run(Main.commandLine(some), "spaces", "--json").findValuesAsText("id"))
                .containsExactly("small-cnn");
        assertThat(run(Main.commandLine(some), "evaluators", "--json").findValuesAsText("id"))
                .containsExactly("benchmark");
        assertThat(run(Main.commandLine(some), "benchmarks", "--json").findValuesAsText("id"))
                .isEmpty();
    }

    @Test
    void onlyMainFindsPlugInsOnTheClassPath() throws IOException {
        Path sources = Path.of("src/main/java/org/djlnas/cli");
        try (Stream<Path> files = Files.list(sources)) {
            List<String> discovering =
                    files.filter(f -> !f.getFileName().toString().equals("Main.java"))
                            .filter(RegistryTest::discovers)
                            .map(f -> f.getFileName().toString())
                            .toList();
            assertThat(discovering).isEmpty();
        }
        assertThat(discovers(sources.resolve("Main.java"))).isTrue();
    }

    private static boolean discovers(Path source) {
        try {
            String text = Files.readString(source);
            return Stream.of(
                            "Plugins.discover()",
                            "Plugins::discover",
                            "EngineSelector.discover()",
                            "OpRegistry.discover()",
                            "ServiceLoader")
                    .anyMatch(text::contains);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
