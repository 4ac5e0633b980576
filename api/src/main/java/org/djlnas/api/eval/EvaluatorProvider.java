package org.djlnas.api.eval;

import java.io.IOException;
import java.util.List;
import org.djlnas.api.settings.SettingSpec;

/**
 * Contributes an evaluator under a kebab-case id: what scores a search's trials (training on a data
 * set, lookup in a tabular benchmark, a proxy of a plug-in's own). Found with {@code
 * ServiceLoader}; {@code nas search --evaluator ID --evaluator-opt KEY=VALUE} picks one.
 */
public interface EvaluatorProvider {

    /**
     * Returns the evaluator's kebab-case id.
     *
     * @return the id
     */
    String id();

    /**
     * Returns a one-line description for listings.
     *
     * @return the description
     */
    String description();

    /**
     * Declares the evaluator's settings.
     *
     * @return the settings
     */
    List<SettingSpec> settings();

    /**
     * Creates the evaluator of one experiment, reading what it needs (data, tables) so that a
     * missing or corrupt input stops the search before any trial runs.
     *
     * @param context the space, settings, seed, engine, folder and data set
     * @return the evaluator
     * @throws IllegalArgumentException if the context lacks what the evaluator needs (naming it)
     * @throws IOException if its inputs cannot be read
     */
    Evaluator create(EvaluatorContext context) throws IOException;
}
