package org.djlnas.strategies.oneshot;

import java.util.Map;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.EdgePath;

/**
 * Chooses the single path one forward pass of a supernet computes ({@link Supernet#samplePaths}).
 * It is called inside the pass's gradient tape, so a path's scale computed from α with the engine's
 * operations carries α's gradient on every engine (MXNet records only what runs inside the tape);
 * the arrays it creates belong to the pass and are freed with it.
 */
@FunctionalInterface
interface PathSampler {

    /**
     * Chooses the path of the next pass.
     *
     * @param alphas the supernet's architecture parameters
     * @return label → path, for every edge
     */
    Map<String, EdgePath> sample(ArchitectureWeights alphas);
}
