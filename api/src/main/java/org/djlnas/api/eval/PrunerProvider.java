package org.djlnas.api.eval;

/**
 * Contributes one rule that stops trials early ({@code nas search --pruner ID}). Implementations
 * are found with {@link java.util.ServiceLoader} (list them in {@code
 * META-INF/services/org.djlnas.api.eval.PrunerProvider}) and need a public no-argument constructor.
 */
public interface PrunerProvider {

    /**
     * Returns the pruner's id, in kebab-case, unique among pruners.
     *
     * @return the id
     */
    String id();

    /**
     * Returns one line saying what the pruner stops.
     *
     * @return the description
     */
    String description();

    /**
     * Creates the pruner of one experiment.
     *
     * @return a new pruner
     */
    Pruner create();
}
