package org.djlnas.api.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellOutput;
import org.djlnas.api.space.ChoiceTree;
import org.junit.jupiter.api.Test;

class DiscretizerTest {

    private static final List<String> DARTS_OPS =
            List.of(
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5");

    private static final List<String> DARTS_CANDIDATES =
            List.of(
                    "none",
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5");

    private static final List<String> NB201_OPS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    private static final double BACKGROUND = 0.01;

    private static SearchCell dartsCell() {
        Cell cell =
                Cell.builder()
                        .setLabel("normal")
                        .optInputs(2)
                        .setNodes(4)
                        .optInputsPerNode(2)
                        .setOperations(DARTS_OPS)
                        .optOutput(CellOutput.CONCAT_INTERMEDIATE)
                        .build();
        return new SearchCell(cell, DARTS_CANDIDATES, "none");
    }

    private static SearchCell nb201Cell() {
        Cell cell =
                Cell.builder()
                        .setLabel("cell")
                        .setNodes(3)
                        .setOperations(NB201_OPS)
                        .optZeroOperation("none")
                        .build();
        return new SearchCell(cell, NB201_OPS, "none");
    }

    /** Weights of one edge: {@link #BACKGROUND} everywhere except the given candidates. */
    private static double[] weights(List<String> candidates, Map<String, Double> peaks) {
        double[] w = new double[candidates.size()];
        Arrays.fill(w, BACKGROUND);
        peaks.forEach((name, value) -> w[candidates.indexOf(name)] = value);
        return w;
    }

    private static Map<String, double[]> uniformDartsWeights(SearchCell cell) {
        Map<String, double[]> probabilities = new HashMap<>();
        for (String label : cell.edgeLabels()) {
            probabilities.put(label, weights(DARTS_CANDIDATES, Map.of()));
        }
        return probabilities;
    }

    @Test
    void dartsCellKeepsTheTwoStrongestEdgesIgnoringTheZeroCandidate() {
        SearchCell cell = dartsCell();
        Map<String, double[]> p = uniformDartsWeights(cell);
        p.put("normal/node2/from0", weights(DARTS_CANDIDATES, Map.of("dil_conv_3x3", 0.4)));
        p.put("normal/node2/from1", weights(DARTS_CANDIDATES, Map.of("max_pool_3x3", 0.3)));
        // Node 3: 'none' dominates edge 0 but its best real operation is weak, so edges 1 and 2
        // win although edge 0 has the largest weight of all.
        p.put(
                "normal/node3/from0",
                weights(DARTS_CANDIDATES, Map.of("none", 0.9, "sep_conv_3x3", 0.05)));
        p.put("normal/node3/from1", weights(DARTS_CANDIDATES, Map.of("sep_conv_5x5", 0.2)));
        p.put("normal/node3/from2", weights(DARTS_CANDIDATES, Map.of("skip_connect", 0.3)));
        // Node 4: 'none' dominates edge 2 but its second operation beats every other edge, so it
        // is kept with that operation rather than 'none'.
        p.put(
                "normal/node4/from2",
                weights(DARTS_CANDIDATES, Map.of("none", 0.5, "avg_pool_3x3", 0.4)));
        p.put("normal/node4/from3", weights(DARTS_CANDIDATES, Map.of("dil_conv_5x5", 0.35)));
        p.put("normal/node4/from0", weights(DARTS_CANDIDATES, Map.of("sep_conv_3x3", 0.3)));

        Architecture arch = Discretizer.derive(List.of(cell), p);

        assertThat(arch.getIndices("normal/node2/inputs")).containsExactly(0, 1);
        assertThat(arch.getString("normal/node2/from0")).isEqualTo("dil_conv_3x3");
        assertThat(arch.getString("normal/node2/from1")).isEqualTo("max_pool_3x3");
        assertThat(arch.getIndices("normal/node3/inputs")).containsExactly(1, 2);
        assertThat(arch.getString("normal/node3/from1")).isEqualTo("sep_conv_5x5");
        assertThat(arch.getString("normal/node3/from2")).isEqualTo("skip_connect");
        assertThat(arch.has("normal/node3/from0")).isFalse();
        assertThat(arch.getIndices("normal/node4/inputs")).containsExactly(2, 3);
        assertThat(arch.getString("normal/node4/from2")).isEqualTo("avg_pool_3x3");
        assertThat(arch.getString("normal/node4/from3")).isEqualTo("dil_conv_5x5");
        assertThat(new ChoiceTree(cell.cell().choices()).validate(arch)).isEqualTo(arch);
    }

    @Test
    void dartsTiesGoToTheEarlierPredecessorAndTheEarlierOperation() {
        SearchCell cell = dartsCell();
        Map<String, double[]> p = uniformDartsWeights(cell);
        // Node 5: every edge has strength 0.2; edges 0 and 1 must win.
        for (int from = 0; from < 5; from++) {
            p.put(
                    "normal/node5/from" + from,
                    weights(DARTS_CANDIDATES, Map.of("sep_conv_5x5", 0.2, "skip_connect", 0.2)));
        }
        // Edges 1 and 2 of node 4 tie for the second place behind edge 3.
        p.put("normal/node4/from3", weights(DARTS_CANDIDATES, Map.of("max_pool_3x3", 0.5)));
        p.put("normal/node4/from2", weights(DARTS_CANDIDATES, Map.of("dil_conv_5x5", 0.3)));
        p.put("normal/node4/from1", weights(DARTS_CANDIDATES, Map.of("dil_conv_3x3", 0.3)));

        Architecture arch = Discretizer.derive(List.of(cell), p);

        assertThat(arch.getIndices("normal/node5/inputs")).containsExactly(0, 1);
        assertThat(arch.getString("normal/node5/from0")).isEqualTo("skip_connect");
        assertThat(arch.getString("normal/node5/from1")).isEqualTo("skip_connect");
        assertThat(arch.getIndices("normal/node4/inputs")).containsExactly(1, 3);
        assertThat(arch.getString("normal/node4/from1")).isEqualTo("dil_conv_3x3");
        assertThat(arch.getString("normal/node4/from3")).isEqualTo("max_pool_3x3");
        // Uniform edges keep the earliest non-zero operation.
        assertThat(arch.getString("normal/node2/from0")).isEqualTo("max_pool_3x3");
        assertThat(new ChoiceTree(cell.cell().choices()).validate(arch)).isEqualTo(arch);
    }

    @Test
    void nasBench201CellTakesTheStrongestOperationOfEveryEdgeIncludingNone() {
        SearchCell cell = nb201Cell();
        Map<String, double[]> p = new HashMap<>();
        p.put("cell/node1/from0", weights(NB201_OPS, Map.of("nor_conv_3x3", 0.6)));
        p.put("cell/node2/from0", weights(NB201_OPS, Map.of("none", 0.6, "skip_connect", 0.3)));
        p.put("cell/node2/from1", weights(NB201_OPS, Map.of("avg_pool_3x3", 0.6)));
        p.put("cell/node3/from0", weights(NB201_OPS, Map.of("nor_conv_1x1", 0.6)));
        p.put("cell/node3/from1", weights(NB201_OPS, Map.of("none", 0.4, "nor_conv_3x3", 0.4)));
        p.put("cell/node3/from2", weights(NB201_OPS, Map.of("skip_connect", 0.9)));

        Architecture arch = Discretizer.derive(List.of(cell), p);

        assertThat(arch)
                .isEqualTo(
                        Architecture.of(
                                Map.of(
                                        "cell/node1/from0", "nor_conv_3x3",
                                        "cell/node2/from0", "none",
                                        "cell/node2/from1", "avg_pool_3x3",
                                        "cell/node3/from0", "nor_conv_1x1",
                                        "cell/node3/from1", "none",
                                        "cell/node3/from2", "skip_connect")));
        assertThat(new ChoiceTree(cell.cell().choices()).validate(arch)).isEqualTo(arch);
    }

    @Test
    void cellsAreDerivedTogetherUnderTheirOwnLabels() {
        SearchCell darts = dartsCell();
        SearchCell nb201 = nb201Cell();
        Map<String, double[]> p = uniformDartsWeights(darts);
        for (String label : nb201.edgeLabels()) {
            p.put(label, weights(NB201_OPS, Map.of("nor_conv_1x1", 0.5)));
        }

        Architecture arch = Discretizer.derive(List.of(darts, nb201), p);

        assertThat(arch.values().keySet())
                .hasSize(4 + 8 + 6)
                .contains("normal/node5/inputs", "cell/node3/from2");
        assertThat(arch.getString("cell/node3/from2")).isEqualTo("nor_conv_1x1");
    }

    @Test
    void missingWeightsNameTheEdge() {
        SearchCell cell = dartsCell();
        Map<String, double[]> p = uniformDartsWeights(cell);
        p.remove("normal/node4/from3");

        assertThatThrownBy(() -> Discretizer.derive(List.of(cell), p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("normal/node4/from3");
    }

    @Test
    void weightsOfTheWrongLengthNameTheEdge() {
        SearchCell dartsCell = dartsCell();
        Map<String, double[]> darts = uniformDartsWeights(dartsCell);
        darts.put("normal/node3/from2", new double[DARTS_OPS.size()]);
        SearchCell nb201Cell = nb201Cell();
        Map<String, double[]> nb201 = new HashMap<>();
        for (String label : nb201Cell.edgeLabels()) {
            nb201.put(label, weights(NB201_OPS, Map.of()));
        }
        nb201.put("cell/node2/from1", new double[NB201_OPS.size() + 1]);

        assertThatThrownBy(() -> Discretizer.derive(List.of(dartsCell), darts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("normal/node3/from2")
                .hasMessageContaining("7 mixing weights");
        assertThatThrownBy(() -> Discretizer.derive(List.of(nb201Cell), nb201))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell/node2/from1")
                .hasMessageContaining("6 mixing weights");
    }
}
