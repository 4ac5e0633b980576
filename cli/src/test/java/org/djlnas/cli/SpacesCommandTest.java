package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpacesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonListsTheReadySpacesWithExactSizes() throws Exception {
        CliRun run = CliRun.of("spaces", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode spaces = JSON.readTree(run.out());
        assertThat(spaces.isArray()).isTrue();
        assertThat(ids(spaces)).contains("nas-bench-201", "darts");

        assertThat(space(spaces, "nas-bench-201").get("size").asText()).isEqualTo("15625");
        // DARTS: per cell, node i picks 2 of its i+2 predecessors (C(2,2) C(3,2) C(4,2) C(5,2)
        // = 1 * 3 * 6 * 10 ways) and one of 7 operations for each of the 8 chosen edges;
        // normal and reduction cells are independent.
        BigInteger cell = BigInteger.valueOf(1 * 3 * 6 * 10).multiply(BigInteger.valueOf(7).pow(8));
        assertThat(new BigInteger(space(spaces, "darts").get("size").asText()))
                .isEqualTo(cell.pow(2));
        assertThat(space(spaces, "darts").get("sizeHuman").asText()).isEqualTo("1.08e18");
    }

    @Test
    void jsonDescribesEachSetting() throws Exception {
        JsonNode settings =
                space(JSON.readTree(CliRun.of("spaces", "--json").out()), "nas-bench-201")
                        .get("settings");

        JsonNode classes = null;
        for (JsonNode setting : settings) {
            if (setting.get("name").asText().equals("classes")) {
                classes = setting;
            }
        }
        assertThat(classes).isNotNull();
        assertThat(classes.get("type").asText()).isEqualTo("integer");
        assertThat(classes.get("default").isIntegralNumber()).isTrue();
        assertThat(classes.get("description").asText()).isNotBlank();
    }

    @Test
    void plainOutputIsATableWithSizesAndSettings() {
        CliRun run = CliRun.of("spaces");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("ID")
                .contains("nas-bench-201", "15625", "darts", "1.08e18")
                .contains("settings: channels (integer, default 16)");
    }

    private static List<String> ids(JsonNode spaces) {
        List<String> ids = new ArrayList<>();
        spaces.forEach(space -> ids.add(space.get("id").asText()));
        return ids;
    }

    private static JsonNode space(JsonNode spaces, String id) {
        for (JsonNode space : spaces) {
            if (space.get("id").asText().equals(id)) {
                return space;
            }
        }
        throw new AssertionError("no space " + id + " in " + spaces);
    }
}
