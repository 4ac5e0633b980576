package org.djlnas.api.data;

import java.util.List;
import java.util.Optional;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * Contributes one kind of data set, chosen as {@code KIND} or {@code KIND:LOCATION} (for example
 * {@code fashion-mnist} or {@code csv:/data/houses.csv}) with options such as {@code target=price}.
 * Implementations are found with {@link java.util.ServiceLoader} (list them in {@code
 * META-INF/services/org.djlnas.api.data.DataSourceProvider}) and need a public no-argument
 * constructor. Opening reads nothing yet: a source reads its files when it is first asked for
 * examples, a task or an input.
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
     * Returns whether this kind needs a location ({@code KIND:LOCATION}); kinds with a default
     * place, such as an installed data set, do not.
     *
     * @return whether a location must be given
     */
    default boolean needsLocation() {
        return true;
    }

    /**
     * Declares the options this kind takes (for example {@code target}, {@code size}).
     *
     * @return the options; none by default
     */
    default List<SettingSpec> options() {
        return List.of();
    }

    /**
     * Opens a data set of this kind. Checks what can be checked without reading the data (option
     * values, that the location exists) and throws {@link IllegalArgumentException} naming the bad
     * option or path.
     *
     * @param location where its files are (a folder or file), or empty for the kind's default place
     * @param options the options, resolved against {@link #options()}
     * @return the source
     */
    DataSource open(Optional<String> location, Settings options);
}
