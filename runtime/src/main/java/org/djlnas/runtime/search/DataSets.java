package org.djlnas.runtime.search;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * Opens the data set a configuration names, {@code KIND} or {@code KIND:LOCATION}, through the
 * registry's data-source plug-ins, with its options resolved against the kind's declared options.
 */
final class DataSets {

    private static final String FIELD = "`dataset`";

    private DataSets() {}

    /**
     * Opens a data set; reads nothing yet.
     *
     * @param providers the kinds of data set, by id
     * @param dataset {@code KIND} or {@code KIND:LOCATION}
     * @param options the kind's options as text
     * @return the source
     * @throws IllegalArgumentException naming {@code dataset}, its kind or a bad option
     */
    static DataSource open(
            Map<String, DataSourceProvider> providers,
            String dataset,
            Map<String, String> options) {
        int colon = dataset.indexOf(':');
        String kind = colon < 0 ? dataset : dataset.substring(0, colon);
        Optional<String> location =
                colon < 0 ? Optional.empty() : Optional.of(dataset.substring(colon + 1));
        DataSourceProvider provider = providers.get(kind);
        if (provider == null) {
            throw new IllegalArgumentException(unknown(providers, dataset, kind, colon < 0));
        }
        if (location.isPresent() && location.get().isBlank()) {
            throw new IllegalArgumentException(
                    FIELD + " is " + dataset + "; expected a location after '" + kind + ":'");
        }
        if (location.isEmpty() && provider.needsLocation()) {
            throw new IllegalArgumentException(
                    FIELD
                            + " is "
                            + kind
                            + "; data sets of kind '"
                            + kind
                            + "' need a location: "
                            + kind
                            + ":LOCATION");
        }
        return provider.open(location, options(provider, options));
    }

    private static Settings options(DataSourceProvider provider, Map<String, String> given) {
        List<String> valid = provider.options().stream().map(SettingSpec::name).toList();
        for (String name : given.keySet()) {
            if (!valid.contains(name)) {
                throw new IllegalArgumentException(
                        "`dataOptions` has unknown option '"
                                + name
                                + "' for data sets of kind '"
                                + provider.id()
                                + "'; valid options: "
                                + (valid.isEmpty() ? "none" : String.join(", ", valid)));
            }
        }
        return Settings.resolve("data set kind '" + provider.id() + "'", provider.options(), given);
    }

    private static String unknown(
            Map<String, DataSourceProvider> providers, String dataset, String kind, boolean bare) {
        String kinds = String.join(", ", new TreeSet<>(providers.keySet()));
        if (!bare) {
            return FIELD
                    + " is "
                    + dataset
                    + "; unknown kind '"
                    + kind
                    + "', known kinds: "
                    + kinds;
        }
        String message =
                FIELD
                        + " is "
                        + dataset
                        + "; expected KIND or KIND:LOCATION, known kinds: "
                        + kinds;
        if (isFolder(dataset) && providers.containsKey(SearchSetup.FASHION_MNIST)) {
            message +=
                    " (for a folder of Fashion-MNIST IDX files: "
                            + SearchSetup.FASHION_MNIST
                            + ":"
                            + dataset
                            + ")";
        }
        return message;
    }

    private static boolean isFolder(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
