package org.djlnas.api.supernet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;

/**
 * Turns a supernet's mixing weights into an ordinary architecture of its space, by the rules of
 * DARTS (Liu et al., 2019, section 2.4).
 *
 * <ul>
 *   <li>A cell whose nodes pick {@code k} predecessors (DARTS) keeps, for each intermediate node,
 *       the {@code k} incoming edges with the largest strength, an edge's strength being its
 *       largest weight on a candidate other than the zero candidate; each kept edge takes its
 *       strongest non-zero operation.
 *   <li>A cell whose nodes take every predecessor (NAS-Bench-201) takes the strongest operation on
 *       each edge, the zero operation included when the cell offers it.
 * </ul>
 *
 * Ties go to the earlier predecessor and the earlier candidate, so the result is a function of the
 * weights alone.
 */
public final class Discretizer {

    private Discretizer() {}

    /**
     * Derives the architecture.
     *
     * @param cells the searched cells
     * @param probabilities label → mixing weights (softmax of α) of every edge
     * @return the architecture, to be validated by the space
     * @throws IllegalArgumentException if an edge's weights are missing or have the wrong length
     */
    public static Architecture derive(List<SearchCell> cells, Map<String, double[]> probabilities) {
        Map<String, Object> values = new TreeMap<>();
        for (SearchCell searchCell : cells) {
            Cell cell = searchCell.cell();
            for (int node = cell.inputs(); node < cell.inputs() + cell.nodes(); node++) {
                if (cell.inputsPerNode() == 0) {
                    for (int from = 0; from < node; from++) {
                        String label = cell.edgeLabel(node, from);
                        values.put(
                                label,
                                strongest(
                                        searchCell,
                                        label,
                                        weights(probabilities, searchCell, label),
                                        true));
                    }
                } else {
                    deriveNode(searchCell, node, probabilities, values);
                }
            }
        }
        return Architecture.of(values);
    }

    private static void deriveNode(
            SearchCell searchCell,
            int node,
            Map<String, double[]> probabilities,
            Map<String, Object> values) {
        Cell cell = searchCell.cell();
        List<Integer> predecessors = new ArrayList<>();
        double[] strength = new double[node];
        for (int from = 0; from < node; from++) {
            double[] w = weights(probabilities, searchCell, cell.edgeLabel(node, from));
            strength[from] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < w.length; i++) {
                if (!searchCell.candidates().get(i).equals(searchCell.zeroCandidate())) {
                    strength[from] = Math.max(strength[from], w[i]);
                }
            }
            predecessors.add(from);
        }
        predecessors.sort(
                Comparator.comparingDouble((Integer from) -> -strength[from])
                        .thenComparingInt(from -> from));
        List<Integer> kept = new ArrayList<>(predecessors.subList(0, cell.inputsPerNode()));
        kept.sort(null);
        values.put(cell.inputsLabel(node), kept);
        for (int from : kept) {
            String label = cell.edgeLabel(node, from);
            values.put(
                    label,
                    strongest(searchCell, label, weights(probabilities, searchCell, label), false));
        }
    }

    private static String strongest(
            SearchCell searchCell, String label, double[] w, boolean zeroAllowed) {
        List<String> offered = searchCell.cell().operations();
        String best = null;
        double bestWeight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < w.length; i++) {
            String candidate = searchCell.candidates().get(i);
            boolean zero = candidate.equals(searchCell.zeroCandidate());
            if (!offered.contains(candidate) || (zero && !zeroAllowed)) {
                continue;
            }
            if (w[i] > bestWeight) {
                best = candidate;
                bestWeight = w[i];
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("edge '" + label + "' has no operation to keep");
        }
        return best;
    }

    private static double[] weights(
            Map<String, double[]> probabilities, SearchCell cell, String label) {
        double[] w = probabilities.get(label);
        if (w == null) {
            throw new IllegalArgumentException("no mixing weights for edge '" + label + "'");
        }
        if (w.length != cell.candidates().size()) {
            throw new IllegalArgumentException(
                    "edge '"
                            + label
                            + "' has "
                            + w.length
                            + " mixing weights; expected one per candidate "
                            + cell.candidates());
        }
        return w;
    }
}
