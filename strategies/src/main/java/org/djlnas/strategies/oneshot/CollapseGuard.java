package org.djlnas.strategies.oneshot;

import java.util.List;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.CellEdge;
import org.djlnas.api.supernet.SearchCell;

/**
 * The DARTS+ early-stopping rule against the collapse to skip connections (Liang et al., 2019,
 * "DARTS+: Improved Differentiable Architecture Search with Early Stopping"): DARTS, trained long
 * enough, lets parameter-free skip connections crowd out every other operation of the cell, and the
 * derived network's accuracy collapses. The search stops as soon as a searched cell's derived
 * architecture holds more skip connections than the limit; the search then returns the last
 * architecture that was within it.
 */
final class CollapseGuard {

    /** The operation the guard counts. */
    static final String SKIP = "skip_connect";

    private final List<SearchCell> cells;
    private final int maxSkipConnections;

    /**
     * Creates the guard.
     *
     * @param cells the searched cells
     * @param maxSkipConnections the most skip connections a cell may derive, or -1 for no limit
     */
    CollapseGuard(List<SearchCell> cells, int maxSkipConnections) {
        this.cells = List.copyOf(cells);
        this.maxSkipConnections = maxSkipConnections;
    }

    /**
     * Checks a derived architecture.
     *
     * @param architecture the architecture derived after an epoch
     * @return why the search must stop, or empty if it may go on
     */
    Optional<String> violation(Architecture architecture) {
        if (maxSkipConnections < 0) {
            return Optional.empty();
        }
        for (SearchCell cell : cells) {
            long skips =
                    cell.cell().edges(architecture).stream()
                            .map(CellEdge::operation)
                            .filter(SKIP::equals)
                            .count();
            if (skips > maxSkipConnections) {
                return Optional.of(
                        "cell '"
                                + cell.cell().label()
                                + "' derived "
                                + skips
                                + " skip connections (limit "
                                + maxSkipConnections
                                + ")");
            }
        }
        return Optional.empty();
    }
}
