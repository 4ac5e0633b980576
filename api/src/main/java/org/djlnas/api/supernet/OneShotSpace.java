package org.djlnas.api.supernet;

import ai.djl.nn.Block;
import java.util.List;
import org.djlnas.api.space.SearchSpace;

/**
 * A space made of searched cells that can also be built as a supernet, for one-shot strategies such
 * as DARTS.
 */
public interface OneShotSpace extends SearchSpace {

    /**
     * Returns the cells a supernet searches, with the candidates each edge mixes.
     *
     * @return the searched cells
     */
    List<SearchCell> searchCells();

    /**
     * Builds the supernet: the space's network with every edge of every searched cell a {@link
     * MixedOp} weighted by the given architecture parameters, and batch normalisation inside the
     * cells without learned scale and shift.
     *
     * @param weights architecture parameters made for {@link #searchCells()}
     * @return a new, uninitialized block whose parameters are the network weights only
     */
    Block superNet(ArchitectureWeights weights);
}
