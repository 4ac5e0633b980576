package org.djlnas.strategies.gp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;

/**
 * The architectures expected improvement is maximised over: {@code uniform} uniform draws from the
 * space, then {@code mutated} mutations of the parents (the best architectures so far), parent
 * {@code i mod p} for the {@code i}-th, one choice changed in the first round over the parents, two
 * in the second, one in the third and so on, by the space's own mutation (the one regularized
 * evolution uses). Duplicates and architectures the filter rejects are left out; the pool keeps the
 * order of the draws, which breaks ties between equal acquisition values.
 */
final class CandidatePool {

    private CandidatePool() {}

    /**
     * Draws a pool.
     *
     * @param space the space
     * @param random the random source
     * @param parents the architectures to mutate, best first; may be empty
     * @param uniform the number of uniform draws
     * @param mutated the number of mutations
     * @param allowed which architectures may enter the pool
     * @return the distinct allowed candidates, in the order drawn
     */
    static List<Architecture> draw(
            SearchSpace space,
            SplittableRandom random,
            List<Architecture> parents,
            int uniform,
            int mutated,
            Predicate<Architecture> allowed) {
        Map<String, Architecture> pool = new LinkedHashMap<>();
        for (int i = 0; i < uniform; i++) {
            add(pool, space.sample(random), allowed);
        }
        if (!parents.isEmpty()) {
            for (int i = 0; i < mutated; i++) {
                Architecture child = space.mutate(parents.get(i % parents.size()), random);
                if ((i / parents.size()) % 2 == 1) {
                    child = space.mutate(child, random);
                }
                add(pool, child, allowed);
            }
        }
        return new ArrayList<>(pool.values());
    }

    private static void add(
            Map<String, Architecture> pool,
            Architecture candidate,
            Predicate<Architecture> allowed) {
        if (allowed.test(candidate)) {
            pool.putIfAbsent(candidate.id(), candidate);
        }
    }
}
