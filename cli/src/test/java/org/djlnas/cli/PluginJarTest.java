package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plug-in ({@code examples/plugin-example}), a jar built separately, extends {@code
 * nas} by being put on its class path: {@code nas} runs in child JVMs on the cli's runtime class
 * path ({@code nas.cli.classpath}), first without and then with the plug-in jar ({@code
 * nas.plugin.jar}); both come from the cli's pom.xml. The children inherit the test JVM's
 * environment and get its {@code ai.djl.*} system properties (offline, threads), as the parent pom
 * sets them for tests.
 */
@Tag("integration")
class PluginJarTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String classPath;
    private static Path pluginJar;

    @TempDir Path folder;

    /** The output of one child {@code nas}. */
    private record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void locateTheClassPathAndThePlugin() {
        classPath = System.getProperty("nas.cli.classpath");
        assertThat(classPath)
                .as("system property nas.cli.classpath (set by cli/pom.xml)")
                .isNotBlank()
                .doesNotContain("plugin-example");
        pluginJar = Path.of(System.getProperty("nas.plugin.jar", ""));
        assertThat(pluginJar)
                .as(
                        "the example plug-in's jar (nas.plugin.jar); build it first with"
                                + " 'mvn -o -pl examples/plugin-example install'")
                .isRegularFile();
    }

    private Run nas(boolean withPlugin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("ai.djl."))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add("-cp");
        command.add(withPlugin ? classPath + File.pathSeparator + pluginJar : classPath);
        command.add("org.djlnas.cli.Main");
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("nas " + String.join(" ", args) + " did not end in 10 min");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> ids(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    @Test
    void thePluginsStrategyAndSpaceAreListedOnlyWithItsJar() throws Exception {
        Run without = nas(false, "strategies", "--json");
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(ids(JSON.readTree(without.out())))
                .contains("random", "regularized-evolution")
                .doesNotContain("hill-climbing");
        assertThat(ids(JSON.readTree(nas(false, "spaces", "--json").out())))
                .doesNotContain("se-cnn");

        Run with = nas(true, "strategies", "--json");
        assertThat(with.exitCode()).as(with.err()).isZero();
        JsonNode listing = JSON.readTree(with.out());
        List<String> ids = ids(listing);
        assertThat(ids).contains("random", "regularized-evolution", "darts", "hill-climbing");
        JsonNode hillClimbing = listing.get(ids.indexOf("hill-climbing"));
        assertThat(hillClimbing.get("kind").asText()).isEqualTo("multi-trial");
        assertThat(hillClimbing.get("description").asText()).startsWith("example plug-in:");
        assertThat(hillClimbing.get("settings").toString()).contains("patience", "restart");
        assertThat(nas(true, "strategies").out())
                .contains("hill-climbing", "example plug-in: hill climbing", "settings: patience");
        assertThat(ids(JSON.readTree(nas(true, "spaces", "--json").out())))
                .contains("se-cnn", "nas-bench-201");
    }

    @Test
    void aSearchWithThePluginsStrategyTrainsThePluginsOperation() throws Exception {
        Path out = folder.resolve("experiment");
        String[] search = {
            "search",
            "--space",
            "se-cnn",
            "--space-opt",
            "channels=8",
            "--space-opt",
            "operations=se_conv_3x3,skip_connect",
            "--strategy",
            "hill-climbing",
            "--strategy-opt",
            "patience=2",
            "--max-train-examples",
            "320",
            "--epochs",
            "1",
            "--trials",
            "2",
            "--seed",
            "1",
            "--out",
            out.toString(),
            "--json"
        };
        Run without = nas(false, search);
        assertThat(without.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(without.err()).contains("unknown space 'se-cnn'");

        Run run = nas(true, search);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("trials").asInt()).isEqualTo(2);
        assertThat(result.get("failed").asInt()).isZero();
        JsonNode best = result.get("best");
        assertThat(best.get("architecture").get("layer-1").asText())
                .isIn("se_conv_3x3", "skip_connect");
        assertThat(best.get("metrics").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(best.get("metrics").get("parameters").asDouble()).isPositive();

        Run trials = nas(true, "trials", out.toString(), "--json");
        assertThat(trials.exitCode()).as(trials.err()).isZero();
        JsonNode rows = JSON.readTree(trials.out());
        assertThat(rows).hasSize(2);
        rows.forEach(row -> assertThat(row.get("state").asText()).isEqualTo("done"));
    }
}
