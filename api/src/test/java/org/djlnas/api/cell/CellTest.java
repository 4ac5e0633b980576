package org.djlnas.api.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Blocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.InputChoice;
import org.djlnas.api.space.LayerChoice;
import org.junit.jupiter.api.Test;

class CellTest {

    private static final List<String> DARTS_OPS =
            List.of(
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5");

    private static final List<String> NB201_OPS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    private static Cell nb201(CellOutput output) {
        return Cell.builder()
                .setLabel("cell")
                .setNodes(3)
                .setOperations(NB201_OPS)
                .optZeroOperation("none")
                .optOutput(output)
                .build();
    }

    private static Cell darts() {
        return Cell.builder()
                .setLabel("normal")
                .optInputs(2)
                .setNodes(4)
                .optInputsPerNode(2)
                .setOperations(DARTS_OPS)
                .optOutput(CellOutput.CONCAT_INTERMEDIATE)
                .build();
    }

    @Test
    void nasBench201LabelsNameEveryEdge() {
        Cell cell = nb201(CellOutput.LAST_NODE);
        assertThat(cell.choices())
                .extracting(Choice::label)
                .containsExactly(
                        "cell/node1/from0",
                        "cell/node2/from0",
                        "cell/node2/from1",
                        "cell/node3/from0",
                        "cell/node3/from1",
                        "cell/node3/from2");
        assertThat(cell.choices())
                .allSatisfy(
                        choice -> {
                            assertThat(choice).isInstanceOf(LayerChoice.class);
                            assertThat(choice.values()).containsExactlyElementsOf(NB201_OPS);
                        });
        assertThat(cell.edgeLabel(2, 1)).isEqualTo("cell/node2/from1");
    }

    @Test
    void dartsLabelsNameInputChoicesAndTheirEdges() {
        Cell cell = darts();
        assertThat(cell.choices())
                .extracting(Choice::label)
                .containsExactly(
                        "normal/node2/inputs",
                        "normal/node3/inputs",
                        "normal/node4/inputs",
                        "normal/node5/inputs");
        assertThat(cell.inputsLabel(2)).isEqualTo("normal/node2/inputs");
        assertThat(cell.edgeLabel(5, 4)).isEqualTo("normal/node5/from4");
        InputChoice node4 = (InputChoice) cell.choices().get(2);
        assertThat(node4.candidates()).isEqualTo(4);
        assertThat(node4.chosen()).isEqualTo(2);
        assertThat(node4.nested(3)).extracting(Choice::label).containsExactly("normal/node4/from3");

        ChoiceTree tree = new ChoiceTree(cell.choices());
        List<String> expected = new ArrayList<>();
        for (int node = 2; node < 6; node++) {
            expected.add("normal/node" + node + "/inputs");
            for (int from = 0; from < node; from++) {
                expected.add("normal/node" + node + "/from" + from);
            }
        }
        assertThat(tree.choicesByLabel().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void nasBench201EdgesAreInNodeOrder() {
        Cell cell = nb201(CellOutput.LAST_NODE);
        Architecture arch =
                Architecture.of(
                        Map.of(
                                "cell/node3/from2", "nor_conv_3x3",
                                "cell/node1/from0", "skip_connect",
                                "cell/node3/from0", "none",
                                "cell/node2/from1", "avg_pool_3x3",
                                "cell/node2/from0", "nor_conv_1x1",
                                "cell/node3/from1", "skip_connect"));
        assertThat(cell.edges(arch))
                .containsExactly(
                        new CellEdge(0, 1, "skip_connect"),
                        new CellEdge(0, 2, "nor_conv_1x1"),
                        new CellEdge(1, 2, "avg_pool_3x3"),
                        new CellEdge(0, 3, "none"),
                        new CellEdge(1, 3, "skip_connect"),
                        new CellEdge(2, 3, "nor_conv_3x3"));
    }

    @Test
    void dartsEdgesAreTheChosenOnesInNodeThenSourceOrder() {
        Cell cell = darts();
        Map<String, Object> values = new HashMap<>();
        values.put("normal/node2/inputs", List.of(1, 0));
        values.put("normal/node2/from0", "sep_conv_3x3");
        values.put("normal/node2/from1", "skip_connect");
        values.put("normal/node3/inputs", List.of(2, 0));
        values.put("normal/node3/from0", "max_pool_3x3");
        values.put("normal/node3/from2", "dil_conv_3x3");
        values.put("normal/node4/inputs", List.of(1, 3));
        values.put("normal/node4/from1", "avg_pool_3x3");
        values.put("normal/node4/from3", "sep_conv_5x5");
        values.put("normal/node5/inputs", List.of(4, 2));
        values.put("normal/node5/from2", "dil_conv_5x5");
        values.put("normal/node5/from4", "skip_connect");
        Architecture arch = new ChoiceTree(cell.choices()).validate(Architecture.of(values));

        assertThat(cell.edges(arch))
                .containsExactly(
                        new CellEdge(0, 2, "sep_conv_3x3"),
                        new CellEdge(1, 2, "skip_connect"),
                        new CellEdge(0, 3, "max_pool_3x3"),
                        new CellEdge(2, 3, "dil_conv_3x3"),
                        new CellEdge(1, 4, "avg_pool_3x3"),
                        new CellEdge(3, 4, "sep_conv_5x5"),
                        new CellEdge(2, 5, "dil_conv_5x5"),
                        new CellEdge(4, 5, "skip_connect"));
    }

    @Test
    void sampledDartsArchitecturesHaveTwoEdgesPerNode() {
        Cell cell = darts();
        ChoiceTree tree = new ChoiceTree(cell.choices());
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 100; i++) {
            List<CellEdge> edges = cell.edges(tree.sample(random));
            assertThat(edges).hasSize(8);
            assertThat(edges).allSatisfy(edge -> assertThat(edge.from()).isLessThan(edge.to()));
            assertThat(edges).extracting(CellEdge::to).isSorted();
        }
    }

    @Test
    void compileLeavesOutZeroOperationsAndEdgesThatCannotReachTheOutput() {
        Map<String, Object> values = new HashMap<>();
        values.put("cell/node1/from0", "nor_conv_3x3");
        values.put("cell/node2/from0", "skip_connect");
        values.put("cell/node2/from1", "nor_conv_1x1");
        values.put("cell/node3/from0", "avg_pool_3x3");
        values.put("cell/node3/from1", "none");
        values.put("cell/node3/from2", "none");
        Architecture arch = Architecture.of(values);
        List<int[]> strides = new ArrayList<>();
        Cell.EdgeBuilder builder =
                (edge, stride) -> {
                    strides.add(new int[] {edge.from(), edge.to(), stride});
                    return Blocks.identityBlock();
                };

        // only the last node is output and nodes 1 and 2 feed it through "none" alone
        CellBlock last = nb201(CellOutput.LAST_NODE).compile(arch, 8, 1, builder);
        assertThat(last.edges()).containsExactly(new CellEdge(0, 3, "avg_pool_3x3"));

        // every intermediate node is output, so all non-zero edges are useful
        strides.clear();
        CellBlock concat = nb201(CellOutput.CONCAT_INTERMEDIATE).compile(arch, 8, 2, builder);
        assertThat(concat.edges())
                .containsExactly(
                        new CellEdge(0, 1, "nor_conv_3x3"),
                        new CellEdge(0, 2, "skip_connect"),
                        new CellEdge(1, 2, "nor_conv_1x1"),
                        new CellEdge(0, 3, "avg_pool_3x3"));
        // edges leaving the cell's input get the cell's stride, the others 1
        assertThat(strides)
                .extracting(s -> List.of(s[0], s[1], s[2]))
                .containsExactly(
                        List.of(0, 1, 2), List.of(0, 2, 2), List.of(1, 2, 1), List.of(0, 3, 2));
    }

    @Test
    void builderValidatesItsFields() {
        assertThatThrownBy(
                        () ->
                                Cell.builder()
                                        .setLabel("c")
                                        .setNodes(0)
                                        .setOperations(NB201_OPS)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodes");
        assertThatThrownBy(
                        () ->
                                Cell.builder()
                                        .setLabel("c")
                                        .setNodes(2)
                                        .setOperations(List.of())
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operations");
        assertThatThrownBy(
                        () ->
                                Cell.builder()
                                        .setLabel("c")
                                        .setNodes(2)
                                        .optInputs(0)
                                        .setOperations(NB201_OPS)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputs");
        assertThatThrownBy(
                        () ->
                                Cell.builder()
                                        .setLabel("c")
                                        .setNodes(2)
                                        .optInputs(2)
                                        .optInputsPerNode(3)
                                        .setOperations(NB201_OPS)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("picks 3 predecessors");
        assertThatThrownBy(
                        () ->
                                Cell.builder()
                                        .setLabel("c")
                                        .setNodes(2)
                                        .setOperations(DARTS_OPS)
                                        .optZeroOperation("none")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero operation 'none'");
        assertThatThrownBy(
                        () ->
                                Cell.builder()
                                        .setLabel("bad label")
                                        .setNodes(2)
                                        .setOperations(NB201_OPS)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeInputsPerNodeIsRejected() {
        assertThatThrownBy(
                        () ->
                                Cell.builder()
                                        .setLabel("c")
                                        .optInputs(2)
                                        .setNodes(2)
                                        .optInputsPerNode(-1)
                                        .setOperations(DARTS_OPS)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
