package org.djlnas.runtime.zerocost;

import org.djlnas.api.eval.TrialFailedException;

/**
 * A score of an untrained network that predicts how well it will do once trained: larger is better
 * for every built-in proxy. A proxy is computed on a {@link ProxyNetwork}: the trial's network,
 * initialised with the trial's seed, and a minibatch drawn with it.
 */
public interface ZeroCostProxy {

    /**
     * Returns the proxy's id, as written in {@code proxy=ID} and {@code prefilter}.
     *
     * @return the kebab-case id
     */
    String id();

    /**
     * Returns the name of the metric the proxy's score is journaled under.
     *
     * @return the metric's name
     */
    String metric();

    /**
     * Returns a one-line description for listings.
     *
     * @return the description
     */
    String description();

    /**
     * Tells whether the proxy needs a minibatch of the data set.
     *
     * @return true if it reads data
     */
    boolean usesData();

    /**
     * Checks that the proxy can be computed on the data's input.
     *
     * @param input the data's input, if the proxy is given data
     * @throws IllegalArgumentException saying why not
     */
    default void checkInput(java.util.Optional<org.djlnas.api.data.DataInput> input) {}

    /**
     * Scores one network.
     *
     * @param network the initialised network and its minibatch
     * @return the score, larger when better
     * @throws TrialFailedException if the score cannot be computed for this network (naming why)
     * @throws java.io.IOException if the minibatch cannot be read
     */
    double score(ProxyNetwork network) throws TrialFailedException, java.io.IOException;
}
