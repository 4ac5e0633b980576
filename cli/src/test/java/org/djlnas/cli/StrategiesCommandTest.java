package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategiesCommandTest {

    @Test
    void listsTheBuiltInStrategiesWithTheirSettings() throws Exception {
        CliRun run = CliRun.of("strategies", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode listing = new ObjectMapper().readTree(run.out());
        List<String> ids = new ArrayList<>();
        listing.forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).contains("random", "grid", "regularized-evolution");
        JsonNode evolution = listing.get(ids.indexOf("regularized-evolution"));
        assertThat(evolution.get("settings").toString()).contains("population", "sample-size");

        assertThat(ids).contains("darts", "darts-2nd", "spos");
        JsonNode darts = listing.get(ids.indexOf("darts"));
        assertThat(darts.get("kind").asText()).isEqualTo("one-shot");
        assertThat(evolution.get("kind").asText()).isEqualTo("multi-trial");
        assertThat(darts.get("settings").toString()).contains("max-skip-connections", "order");
        JsonNode gdas = listing.get(ids.indexOf("gdas"));
        assertThat(gdas.get("kind").asText()).isEqualTo("one-shot");
        assertThat(gdas.get("settings").toString()).contains("tau-max", "tau-min");

        assertThat(ids).contains("gp-bo");
        JsonNode gp = listing.get(ids.indexOf("gp-bo"));
        assertThat(gp.get("kind").asText()).isEqualTo("multi-trial");
        assertThat(gp.get("settings").toString())
                .contains("initial-points", "random-candidates", "mutation-candidates", "parents");

        CliRun table = CliRun.of("strategies");
        assertThat(table.out())
                .contains("regularized-evolution", "settings: population", "darts-2nd", "one-shot");
    }

    @Test
    void listsTheBuiltInEvaluatorsWithTheirSettings() throws Exception {
        CliRun run = CliRun.of("evaluators", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode listing = new ObjectMapper().readTree(run.out());
        assertThat(listing.findValuesAsText("id"))
                .containsExactly("benchmark", "training", "zero-cost");
        assertThat(listing.findValuesAsText("kind")).containsOnly("evaluator");
        assertThat(listing.get(1).get("settings").toString())
                .contains("learning-rate", "batch-size");
        assertThat(listing.get(2).get("settings").toString())
                .contains("proxy", "synflow", "batch-size", "input");

        CliRun table = CliRun.of("evaluators");
        assertThat(table.out()).contains("training", "settings: learning-rate (number");
    }
}
