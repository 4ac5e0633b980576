package org.djlnas.runtime.data;

import java.nio.file.Path;
import java.util.Optional;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.settings.Settings;

/**
 * Fashion-MNIST as a data source plug-in: from the folder given, else from {@value
 * FashionMnist#DATA_DIR_ENV}, else from the Debian package's folder.
 */
public final class FashionMnistProvider implements DataSourceProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public FashionMnistProvider() {}

    @Override
    public String id() {
        return FashionMnistSource.DEFAULT_ID;
    }

    @Override
    public String description() {
        return "Fashion-MNIST: 28x28 grey images of clothes in 10 classes (IDX files)";
    }

    @Override
    public boolean needsLocation() {
        return false;
    }

    @Override
    public FashionMnistSource open(Optional<String> location, Settings options) {
        return FashionMnistSource.locate(location.map(Path::of));
    }
}
