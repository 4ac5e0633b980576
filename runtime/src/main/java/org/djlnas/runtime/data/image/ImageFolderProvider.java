package org.djlnas.runtime.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The {@code image-folder:DIR} data source: one sub-folder of images per class, the class names
 * being the sub-folders' names, sorted. See {@link ImageFolderOptions#SPECS} for its options.
 */
public final class ImageFolderProvider implements DataSourceProvider {

    /** The kind's id. */
    public static final String ID = "image-folder";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ImageFolderProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a folder of images with one sub-folder per class (JPEG, PNG, BMP or GIF)";
    }

    @Override
    public List<SettingSpec> options() {
        return ImageFolderOptions.SPECS;
    }

    @Override
    public ImageFolderSource open(Optional<String> location, Settings options) {
        if (location.isEmpty() || location.get().isBlank()) {
            throw new IllegalArgumentException(
                    "`dataset` " + ID + " needs a folder: " + ID + ":DIR");
        }
        Path folder = Path.of(location.get());
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "the image folder "
                            + folder
                            + (Files.exists(folder) ? " is not a folder" : " does not exist")
                            + "; expected a folder with one sub-folder of images per class");
        }
        return new ImageFolderSource(folder, ImageFolderOptions.parse(options));
    }
}
