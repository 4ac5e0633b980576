package org.djlnas.api.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellOutput;
import org.junit.jupiter.api.Test;

class SearchCellTest {

    private static final List<String> OPS = List.of("skip_connect", "avg_pool_3x3");

    private static Cell cell(List<String> operations) {
        return Cell.builder().setLabel("cell").setNodes(2).setOperations(operations).build();
    }

    private static Cell dartsCell() {
        return Cell.builder()
                .setLabel("normal")
                .optInputs(2)
                .setNodes(4)
                .optInputsPerNode(2)
                .setOperations(OPS)
                .optOutput(CellOutput.CONCAT_INTERMEDIATE)
                .build();
    }

    @Test
    void acceptsAZeroCandidateTheCellDoesNotOffer() {
        SearchCell searchCell =
                new SearchCell(cell(OPS), List.of("none", "skip_connect", "avg_pool_3x3"), "none");

        assertThat(searchCell.zeroCandidate()).isEqualTo("none");
        assertThat(searchCell.candidates()).containsExactly("none", "skip_connect", "avg_pool_3x3");
    }

    @Test
    void rejectsAZeroCandidateThatIsNotACandidate() {
        assertThatThrownBy(() -> new SearchCell(cell(OPS), OPS, "none"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero candidate 'none'");
    }

    @Test
    void rejectsACellOperationMissingFromTheCandidates() {
        assertThatThrownBy(() -> new SearchCell(cell(OPS), List.of("none", "skip_connect"), "none"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'avg_pool_3x3' is not among the candidates");
    }

    @Test
    void rejectsFewerThanTwoCandidates() {
        assertThatThrownBy(
                        () ->
                                new SearchCell(
                                        cell(List.of("skip_connect")),
                                        List.of("skip_connect"),
                                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void rejectsRepeatedCandidates() {
        assertThatThrownBy(
                        () ->
                                new SearchCell(
                                        cell(OPS),
                                        List.of("skip_connect", "avg_pool_3x3", "skip_connect"),
                                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeat");
    }

    @Test
    void copiesTheCandidates() {
        List<String> candidates = new java.util.ArrayList<>(OPS);
        SearchCell searchCell = new SearchCell(cell(OPS), candidates, null);
        candidates.add("max_pool_3x3");

        assertThat(searchCell.candidates()).containsExactlyElementsOf(OPS);
        assertThat(searchCell.zeroCandidate()).isNull();
    }

    @Test
    void dartsCellHasAnEdgeFromEveryPredecessorOfEveryNode() {
        SearchCell searchCell = new SearchCell(dartsCell(), OPS, null);

        assertThat(searchCell.edgeLabels())
                .hasSize(2 + 3 + 4 + 5)
                .startsWith("normal/node2/from0", "normal/node2/from1", "normal/node3/from0")
                .endsWith("normal/node5/from3", "normal/node5/from4")
                .doesNotHaveDuplicates();
    }

    @Test
    void singleInputCellLabelsFollowTargetThenSource() {
        SearchCell searchCell = new SearchCell(cell(OPS), OPS, null);

        assertThat(searchCell.edgeLabels())
                .containsExactly("cell/node1/from0", "cell/node2/from0", "cell/node2/from1");
    }
}
