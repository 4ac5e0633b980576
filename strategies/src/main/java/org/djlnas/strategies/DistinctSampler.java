package org.djlnas.strategies;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SpaceSize;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which architectures a strategy has proposed and draws uniformly among the others.
 *
 * <p>Draws are rejection samples from the space until {@value #MAX_REJECTIONS} draws in a row hit
 * proposed architectures. On a finite space the sampler then enumerates the architectures not yet
 * proposed once, shuffles them with its random source and serves them in that order, which stays
 * uniform over the unseen ones and never loops without bound. The set of proposed ids is only
 * queried, never iterated, so its order cannot leak into proposals.
 *
 * <p>A sampler may be given architectures to serve first (the best trials of earlier experiments,
 * for a warm start): it serves those not yet proposed, in their order, before it draws any.
 */
public final class DistinctSampler {

    /** Rejected draws in a row after which a finite space is enumerated instead. */
    public static final int MAX_REJECTIONS = 100;

    private final SearchSpace space;
    private final SplittableRandom random;
    private final @Nullable BigInteger size;
    private final Set<String> proposedIds = new HashSet<>();
    private final Deque<Architecture> first;
    private @Nullable List<Architecture> shuffledRest;
    private int cursor;

    /**
     * Creates a sampler that has proposed nothing yet.
     *
     * @param space the space to draw from
     * @param random the random source; samplers may share one
     */
    public DistinctSampler(SearchSpace space, SplittableRandom random) {
        this(space, random, List.of());
    }

    /**
     * Creates a sampler that has proposed nothing yet and serves the given architectures first.
     *
     * @param space the space to draw from
     * @param random the random source; samplers may share one
     * @param first valid architectures of the space to serve, in this order, before drawing
     */
    public DistinctSampler(SearchSpace space, SplittableRandom random, List<Architecture> first) {
        this.space = space;
        this.random = random;
        this.first = new ArrayDeque<>(first);
        SpaceSize spaceSize = space.size();
        this.size = spaceSize.isFinite() ? spaceSize.count() : null;
    }

    /**
     * Tells whether every architecture of a finite space has been proposed.
     *
     * @return true when nothing is left to propose
     */
    public boolean isExhausted() {
        return size != null && BigInteger.valueOf(proposedIds.size()).compareTo(size) >= 0;
    }

    /**
     * Tells whether an architecture has been proposed.
     *
     * @param architecture the architecture
     * @return true if it was recorded before
     */
    public boolean wasProposed(Architecture architecture) {
        return proposedIds.contains(architecture.id());
    }

    /**
     * Records an architecture as proposed.
     *
     * @param architecture the architecture
     * @return true if it had not been proposed before
     */
    public boolean record(Architecture architecture) {
        return proposedIds.add(architecture.id());
    }

    /**
     * Serves the next architecture given to serve first that was not proposed before, or else draws
     * one not proposed before, uniformly, and records it.
     *
     * @return the architecture, or empty when a finite space is exhausted
     * @throws IllegalStateException if an infinite space keeps returning proposed architectures, or
     *     a finite one enumerates fewer architectures than its size
     */
    public Optional<Architecture> next() {
        if (isExhausted()) {
            return Optional.empty();
        }
        while (!first.isEmpty()) {
            Architecture candidate = first.removeFirst();
            if (record(candidate)) {
                return Optional.of(candidate);
            }
        }
        if (shuffledRest == null) {
            for (int i = 0; i < MAX_REJECTIONS; i++) {
                Architecture candidate = space.sample(random);
                if (record(candidate)) {
                    return Optional.of(candidate);
                }
            }
            if (size == null) {
                throw new IllegalStateException(
                        "space '"
                                + space.id()
                                + "' returned "
                                + MAX_REJECTIONS
                                + " already proposed architectures in a row");
            }
            shuffledRest = shuffledUnseen();
        }
        while (cursor < shuffledRest.size()) {
            Architecture candidate = shuffledRest.get(cursor++);
            if (record(candidate)) {
                return Optional.of(candidate);
            }
        }
        throw new IllegalStateException(
                "space '" + space.id() + "' enumerates fewer architectures than its size, " + size);
    }

    private List<Architecture> shuffledUnseen() {
        List<Architecture> unseen = new ArrayList<>();
        for (Iterator<Architecture> it = space.enumerate(); it.hasNext(); ) {
            Architecture architecture = it.next();
            if (!proposedIds.contains(architecture.id())) {
                unseen.add(architecture);
            }
        }
        for (int i = unseen.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            unseen.set(j, unseen.set(i, unseen.get(j)));
        }
        return unseen;
    }
}
