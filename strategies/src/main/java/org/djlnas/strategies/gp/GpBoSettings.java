package org.djlnas.strategies.gp;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The settings of {@code gp-bo}.
 *
 * @param initialPoints the uniform draws before the model proposes
 * @param randomCandidates the uniform draws in each ask's candidate pool
 * @param mutationCandidates the mutations of the best architectures in each pool
 * @param parents how many of the best architectures are mutated
 */
record GpBoSettings(int initialPoints, int randomCandidates, int mutationCandidates, int parents) {

    /** Returns the declared settings. */
    static List<SettingSpec> specs() {
        return List.of(
                SettingSpec.integer(
                        GpBoProvider.INITIAL_POINTS,
                        10,
                        1,
                        "uniform draws before the model proposes"),
                SettingSpec.integer(
                        GpBoProvider.RANDOM_CANDIDATES,
                        100,
                        0,
                        "uniform draws among which each ask maximises expected improvement"),
                SettingSpec.integer(
                        GpBoProvider.MUTATION_CANDIDATES,
                        100,
                        0,
                        "mutations of the best architectures added to those candidates"),
                SettingSpec.integer(
                        GpBoProvider.PARENTS, 10, 1, "how many of the best architectures mutate"));
    }

    /**
     * Reads and checks the settings.
     *
     * @param owner who the settings belong to, for messages
     * @param settings the resolved settings
     * @return the settings
     * @throws IllegalArgumentException if the pool would be empty
     */
    static GpBoSettings from(String owner, Settings settings) {
        GpBoSettings read =
                new GpBoSettings(
                        settings.getInt(GpBoProvider.INITIAL_POINTS),
                        settings.getInt(GpBoProvider.RANDOM_CANDIDATES),
                        settings.getInt(GpBoProvider.MUTATION_CANDIDATES),
                        settings.getInt(GpBoProvider.PARENTS));
        if (read.randomCandidates() + read.mutationCandidates() < 1) {
            throw new IllegalArgumentException(
                    "settings '"
                            + GpBoProvider.RANDOM_CANDIDATES
                            + "' and '"
                            + GpBoProvider.MUTATION_CANDIDATES
                            + "' of "
                            + owner
                            + " are both 0; expected at least one candidate per ask");
        }
        return read;
    }
}
