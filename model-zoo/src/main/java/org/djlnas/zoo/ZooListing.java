package org.djlnas.zoo;

import java.util.List;

/**
 * What a zoo folder holds.
 *
 * @param models every readable version of every model, by name and then newest version first
 * @param problems one line for each model or version that could not be read, naming the file
 */
public record ZooListing(List<PublishedModel> models, List<String> problems) {

    /** Makes the lists unmodifiable. */
    public ZooListing {
        models = List.copyOf(models);
        problems = List.copyOf(problems);
    }
}
