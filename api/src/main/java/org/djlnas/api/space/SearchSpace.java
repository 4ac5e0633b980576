package org.djlnas.api.space;

import ai.djl.nn.Block;
import java.util.Iterator;
import java.util.random.RandomGenerator;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;

/**
 * A search space: labelled choices plus the code that turns one architecture into a plain DJL
 * {@link Block}.
 *
 * <p>The compiled block holds only what the architecture chose: no unchosen candidate, no mixing
 * weights, nothing left of the search. It can be initialized, trained, saved and published like any
 * hand-written block.
 */
public interface SearchSpace {

    /**
     * Returns the space's registry id, in kebab-case (for example {@code nas-bench-201}).
     *
     * @return the id
     */
    String id();

    /**
     * Returns the settings this space was created with.
     *
     * @return the settings
     */
    Settings settings();

    /**
     * Returns the space's choices.
     *
     * @return the choice tree
     */
    ChoiceTree choices();

    /**
     * Compiles a valid architecture into a plain block.
     *
     * @param architecture the architecture
     * @return a new, uninitialized block
     * @throws org.djlnas.api.arch.InvalidArchitectureException if the architecture does not fit
     *     this space
     */
    Block compile(Architecture architecture);

    /**
     * Returns the exact number of architectures.
     *
     * @return the size
     */
    default SpaceSize size() {
        return choices().size();
    }

    /**
     * Checks an architecture against this space and returns its canonical form.
     *
     * @param architecture the architecture
     * @return the canonical architecture
     * @throws org.djlnas.api.arch.InvalidArchitectureException naming the label on a mismatch
     */
    default Architecture validate(Architecture architecture) {
        return choices().validate(architecture);
    }

    /**
     * Draws an architecture uniformly at random.
     *
     * @param random the random source
     * @return the architecture
     */
    default Architecture sample(RandomGenerator random) {
        return choices().sample(random);
    }

    /**
     * Changes exactly one reachable choice of an architecture.
     *
     * @param architecture a valid architecture
     * @param random the random source
     * @return the mutated architecture
     */
    default Architecture mutate(Architecture architecture, RandomGenerator random) {
        return choices().mutate(architecture, random);
    }

    /**
     * Enumerates every architecture of a finite space lazily.
     *
     * @return an iterator over all architectures
     */
    default Iterator<Architecture> enumerate() {
        return choices().enumerate();
    }
}
