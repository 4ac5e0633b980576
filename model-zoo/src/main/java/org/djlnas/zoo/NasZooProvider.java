package org.djlnas.zoo;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;

/**
 * Registers {@link NasModelZoo} with DJL, which finds this provider with {@link
 * java.util.ServiceLoader} (it is listed in {@code
 * META-INF/services/ai.djl.repository.zoo.ZooProvider}).
 */
public final class NasZooProvider implements ZooProvider {

    /** Creates the provider; DJL's service loader calls this. */
    public NasZooProvider() {}

    /**
     * Returns a zoo that searches the folders of {@value NasModelZoo#LOCATION_PROPERTY} or {@value
     * NasModelZoo#LOCATION_ENV}.
     *
     * @return the zoo
     */
    @Override
    public ModelZoo getModelZoo() {
        return new NasModelZoo();
    }
}
