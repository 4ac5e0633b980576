package org.djlnas.strategies.oneshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.EdgePath;
import org.djlnas.api.supernet.SearchCell;

/**
 * How often each candidate of each edge was on the single paths a supernet computed: what a
 * sampling strategy journals in place of DARTS's mixing weights. A silent edge (unused by the
 * architecture, or on the zero operation) counts for the edge's zero candidate ({@code none}) when
 * its cell has one.
 */
final class PathFrequencies {

    private final ArchitectureWeights paths;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private long samples;

    /**
     * Starts counting.
     *
     * @param paths the supernet's architecture weights, whose chosen paths are counted
     */
    PathFrequencies(ArchitectureWeights paths) {
        this.paths = paths;
        for (String label : paths.labels()) {
            counts.put(label, new long[paths.cellOf(label).candidates().size()]);
        }
    }

    /** Counts the paths chosen now. */
    void count() {
        samples++;
        counts.forEach(
                (label, count) -> {
                    EdgePath path = paths.path(label);
                    int candidate = path == null ? EdgePath.ZERO : path.candidate();
                    if (candidate == EdgePath.ZERO) {
                        SearchCell cell = paths.cellOf(label);
                        candidate = cell.candidates().indexOf(cell.zeroCandidate());
                    }
                    if (candidate >= 0) {
                        count[candidate]++;
                    }
                });
    }

    /**
     * Returns each edge's share of the counted paths per candidate.
     *
     * @return label → one share per candidate (all zero before the first count)
     */
    Map<String, List<Double>> shares() {
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        counts.forEach(
                (label, count) -> {
                    Double[] values = new Double[count.length];
                    for (int i = 0; i < count.length; i++) {
                        values[i] = samples == 0 ? 0.0 : (double) count[i] / samples;
                    }
                    shares.put(label, List.of(values));
                });
        return shares;
    }
}
