package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.testing.SizedEvaluatorProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nas search --objective ... --constraint ...} end to end, in process and with no training:
 * on the NAS-Bench-201 table with a constraint, and with two objectives on a test evaluator where
 * accuracy and size pull apart; {@code nas trials} marks the Pareto front and {@code nas publish
 * --pick} refuses a condition no trial on it keeps.
 */
class ObjectivesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @Test
    void aConstraintOnTheTablesScoreJournalsTheTrialsThatBreakItAsInfeasible() throws Exception {
        Path out = folder.resolve("table");
        CliRun run =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "random",
                        "--benchmark",
                        SearchCommandTest.TABLE,
                        "--trials",
                        "20",
                        "--seed",
                        "2",
                        "--objective",
                        "score:max",
                        "--constraint",
                        "score>=90",
                        "--out",
                        out.toString(),
                        "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        JsonNode rows = JSON.readTree(CliRun.of("trials", out.toString(), "--json").out());
        int infeasible = 0;
        for (JsonNode row : rows) {
            double score = row.get("metrics").get("score").asDouble();
            if (score < 90) {
                infeasible++;
                assertThat(row.get("state").asText()).isEqualTo("infeasible");
                assertThat(row.get("error").asText())
                        .startsWith("after training: score = ")
                        .endsWith(" breaks score>=90");
            } else {
                assertThat(row.get("state").asText()).isEqualTo("done");
            }
            assertThat(row.has("front")).isFalse();
        }
        assertThat(infeasible).isBetween(1, 19);
        assertThat(result.get("infeasible").asInt()).isEqualTo(infeasible);
        assertThat(result.get("best").get("metrics").get("score").asDouble())
                .isGreaterThanOrEqualTo(90);
        JsonNode best = JSON.readTree(out.resolve("best.json").toFile());
        assertThat(best.get("foundBy").get("constraints").toString()).isEqualTo("[\"score>=90\"]");
        assertThat(best.has("front")).isFalse();
    }

    /** Runs nas over the discovered plug-ins and the test evaluator {@code sized}. */
    private static CliRun sized(String... args) {
        PluginCatalog found = PluginCatalog.discover();
        List<EvaluatorProvider> evaluators = new ArrayList<>(found.evaluators());
        evaluators.add(new SizedEvaluatorProvider());
        Plugins plugins =
                Plugins.of(
                        new PluginCatalog(
                                found.spaces(),
                                found.strategies(),
                                found.oneShotStrategies(),
                                found.operations(),
                                evaluators,
                                found.benchmarkTables(),
                                found.pruners(),
                                found.dataSources(),
                                found.engines()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(plugins);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Test
    void twoObjectivesGiveAParetoFrontThatTrialsMarksAndPublishPicksFrom() throws Exception {
        Path out = folder.resolve("sized");
        CliRun run =
                sized(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--strategy",
                        "random",
                        "--evaluator",
                        "sized",
                        "--trials",
                        "30",
                        "--seed",
                        "3",
                        "--objective",
                        "accuracy:max",
                        "--objective",
                        "params:min",
                        "--constraint",
                        "params<=3000",
                        "--out",
                        out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Pareto front: ");

        JsonNode best = JSON.readTree(out.resolve("best.json").toFile());
        List<Integer> front = new ArrayList<>();
        best.get("front").forEach(member -> front.add(member.get("trial").asInt()));
        assertThat(front).hasSizeGreaterThan(1);

        JsonNode rows = JSON.readTree(sized("trials", out.toString(), "--json").out());
        List<Integer> marked = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.get("front").asBoolean()) {
                marked.add(row.get("trial").asInt());
                assertThat(row.get("state").asText()).isEqualTo("done");
            }
        }
        assertThat(marked).isEqualTo(front);
        String table = sized("trials", out.toString()).out();
        assertThat(table.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "objectives accuracy:max, parameters:min; * marks the "
                                + front.size()
                                + " trials on the Pareto front");
        assertThat(table.lines().filter(line -> line.matches("\\d+\\* .*"))).hasSize(front.size());

        CliRun impossible =
                sized(
                        "publish",
                        "--experiment",
                        out.toString(),
                        "--pick",
                        "params<=-1",
                        "--zoo",
                        folder.resolve("zoo").toString(),
                        "--name",
                        "m");
        assertThat(impossible.exitCode()).isEqualTo(2);
        assertThat(impossible.err().strip())
                .startsWith("nas: --pick parameters<=-1: none of the " + front.size() + " trials")
                .contains("on the front parameters is 0 to ");
        assertThat(folder.resolve("zoo")).doesNotExist();
    }

    /** Trains: publishing the picked trial retrains it on Fashion-MNIST. */
    @Test
    @Tag("integration")
    void publishPicksTheMostAccurateTrialOfTheFrontThatKeepsTheCondition() throws Exception {
        Path out = folder.resolve("sized");
        CliRun search =
                sized(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--space-opt",
                        "channels=4",
                        "--space-opt",
                        "cells=1",
                        "--strategy",
                        "random",
                        "--evaluator",
                        "sized",
                        "--trials",
                        "20",
                        "--seed",
                        "4",
                        "--objective",
                        "accuracy:max",
                        "--objective",
                        "params:min",
                        "--out",
                        out.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode best = JSON.readTree(out.resolve("best.json").toFile());
        JsonNode expected = null;
        for (JsonNode member : best.get("front")) {
            JsonNode metrics = member.get("metrics");
            if (metrics.get("parameters").asDouble() <= 1000
                    && (expected == null
                            || metrics.get("accuracy").asDouble()
                                    > expected.get("metrics").get("accuracy").asDouble())) {
                expected = member;
            }
        }
        assertThat(expected).isNotNull();
        assertThat(expected.get("trial").asInt()).isNotEqualTo(best.get("trial").asInt());

        CliRun publish =
                sized(
                        "publish",
                        "--experiment",
                        out.toString(),
                        "--pick",
                        "params<=1000",
                        "--zoo",
                        folder.resolve("zoo").toString(),
                        "--name",
                        "small",
                        "--epochs",
                        "1",
                        "--max-train-examples",
                        "256",
                        "--json");
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        assertThat(JSON.readTree(publish.out()).get("id").asText())
                .isEqualTo(expected.get("id").asText());
        assertThat(out.resolve("retrain-trial-" + expected.get("trial").asInt() + "/retrain.json"))
                .exists();
        assertThat(out.resolve("retrain")).doesNotExist();
    }

    @Test
    @Tag("integration")
    void aTrainingSearchRejectsNetworksOverItsFlopsBoundBeforeTrainingThem() throws Exception {
        Path out = folder.resolve("trained");
        CliRun search =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--space-opt",
                        "channels=4",
                        "--space-opt",
                        "cells=1",
                        "--strategy",
                        "random",
                        "--max-train-examples",
                        "256",
                        "--trials",
                        "8",
                        "--seed",
                        "3",
                        "--objective",
                        "accuracy:max",
                        "--objective",
                        "latency-ms:min",
                        "--constraint",
                        "flops<=1000000",
                        "--out",
                        out.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode rows = JSON.readTree(CliRun.of("trials", out.toString(), "--json").out());
        int infeasible = 0;
        int trained = 0;
        for (JsonNode row : rows) {
            JsonNode metrics = row.get("metrics");
            if (row.get("state").asText().equals("infeasible")) {
                infeasible++;
                assertThat(metrics.get("flops").asDouble()).isGreaterThan(1_000_000);
                assertThat(metrics.has("trainSeconds")).as("never trained").isFalse();
                assertThat(metrics.has("accuracy")).isFalse();
            } else {
                trained++;
                assertThat(row.get("state").asText()).isEqualTo("done");
                assertThat(metrics.get("flops").asDouble()).isLessThanOrEqualTo(1_000_000);
                assertThat(metrics.get("accuracy").asDouble()).isBetween(0.0, 1.0);
                assertThat(metrics.get("latencyMs").asDouble()).isPositive();
            }
        }
        assertThat(infeasible).isPositive();
        assertThat(trained).isPositive();
        JsonNode front = JSON.readTree(out.resolve("best.json").toFile()).get("front");
        assertThat(front).isNotEmpty();
        for (JsonNode member : front) {
            assertThat(member.get("metrics").get("flops").asDouble())
                    .isLessThanOrEqualTo(1_000_000);
        }
    }
}
