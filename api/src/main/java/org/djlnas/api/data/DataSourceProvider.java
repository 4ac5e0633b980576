package org.djlnas.api.data;

import java.util.Optional;

/**
 * Contributes one kind of data set. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/org.djlnas.api.data.DataSourceProvider}) and need a public
 * no-argument constructor. Opening reads nothing yet: a source reads its files when it is first
 * asked for examples.
 */
public interface DataSourceProvider {

    /**
     * Returns the kind's id, in kebab-case, unique among data sources.
     *
     * @return the id, for example {@code fashion-mnist}
     */
    String id();

    /**
     * Returns one line saying what the data set is.
     *
     * @return the description
     */
    String description();

    /**
     * Opens a data set of this kind.
     *
     * @param location where its files are (a folder or file), or empty for the kind's default place
     * @return the source
     */
    DataSource open(Optional<String> location);
}
