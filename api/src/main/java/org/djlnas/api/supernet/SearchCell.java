package org.djlnas.api.supernet;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.djlnas.api.cell.Cell;
import org.jspecify.annotations.Nullable;

/**
 * A cell as a supernet searches it: the candidate operations every edge mixes, and which of them,
 * if any, is the zero operation (mixed in with a weight but never computed).
 *
 * <p>The candidates may include a zero operation the cell itself does not offer: the DARTS space
 * chooses among 7 operations but searches over those plus {@code none}, as in the paper.
 *
 * @param cell the cell
 * @param candidates the operations every edge mixes, in the order of the architecture weights
 * @param zeroCandidate the candidate that contributes nothing, or null
 */
public record SearchCell(Cell cell, List<String> candidates, @Nullable String zeroCandidate) {

    /** Validates the fields. */
    public SearchCell {
        requireNonNull(cell, "cell is null");
        candidates = List.copyOf(candidates);
        if (new HashSet<>(candidates).size() != candidates.size()) {
            throw new IllegalArgumentException(
                    "cell '" + cell.label() + "': candidates " + candidates + " repeat a name");
        }
        if (zeroCandidate != null && !candidates.contains(zeroCandidate)) {
            throw new IllegalArgumentException(
                    "cell '"
                            + cell.label()
                            + "': zero candidate '"
                            + zeroCandidate
                            + "' is not one of "
                            + candidates);
        }
        for (String operation : cell.operations()) {
            if (!candidates.contains(operation)) {
                throw new IllegalArgumentException(
                        "cell '"
                                + cell.label()
                                + "': operation '"
                                + operation
                                + "' is not among the candidates "
                                + candidates);
            }
        }
        long computed = candidates.stream().filter(c -> !c.equals(zeroCandidate)).count();
        if (candidates.size() < 2 || computed < 1) {
            throw new IllegalArgumentException(
                    "cell '"
                            + cell.label()
                            + "': candidates "
                            + candidates
                            + "; a supernet needs at least 2, one of them not the zero candidate");
        }
    }

    /**
     * Returns the labels of the cell's supernet edges: one for every predecessor of every
     * intermediate node, by target node then source node.
     *
     * @return the edge labels
     */
    public List<String> edgeLabels() {
        List<String> labels = new ArrayList<>();
        for (int node = cell.inputs(); node < cell.inputs() + cell.nodes(); node++) {
            for (int from = 0; from < node; from++) {
                labels.add(cell.edgeLabel(node, from));
            }
        }
        return List.copyOf(labels);
    }
}
