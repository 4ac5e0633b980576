package org.djlnas.zoo;

import static java.util.Objects.requireNonNull;

import ai.djl.Application;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where things are in a zoo folder: DJL's local repository layout, with one folder per model and
 * one sub-folder per version.
 *
 * <pre>
 * ZOO/model/cv/image_classification/org/djlnas/zoo/NAME/
 *     metadata.json              DJL's metadata: every published version of NAME, newest first
 *     VERSION/
 *         architecture.json      the architecture (canonical JSON)
 *         NAME-0000.params       the weights, in DJL's own format
 *         synset.txt             the class names, one a line
 *         provenance.json        how the model was found and trained
 *         serving.properties     DJL's loading arguments, for loading this folder by its URL
 *         checksums.sha256       the SHA-256 of every other file ({@code sha256sum -c} reads it)
 * </pre>
 */
public final class ZooLayout {

    /** The group id of every published model, and of {@link NasModelZoo}. */
    public static final String GROUP_ID = "org.djlnas.zoo";

    /** What published models do: classify images. */
    public static final Application APPLICATION = Application.CV.IMAGE_CLASSIFICATION;

    /** DJL's metadata of one model. */
    public static final String METADATA_FILE = "metadata.json";

    /** The architecture. */
    public static final String ARCHITECTURE_FILE = "architecture.json";

    /** The class names. */
    public static final String SYNSET_FILE = "synset.txt";

    /** The provenance record. */
    public static final String PROVENANCE_FILE = "provenance.json";

    /** DJL's loading arguments of one version folder. */
    public static final String SERVING_PROPERTIES_FILE = "serving.properties";

    /** The checksums of a version folder's other files. */
    public static final String CHECKSUMS_FILE = "checksums.sha256";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+([._-][A-Za-z0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final Path root;

    private ZooLayout(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /**
     * Returns the layout of a zoo folder (which need not exist yet).
     *
     * @param root the zoo folder
     * @return the layout
     */
    public static ZooLayout of(Path root) {
        return new ZooLayout(root);
    }

    /**
     * Returns the zoo folder.
     *
     * @return the absolute, normalised folder
     */
    public Path root() {
        return root;
    }

    /**
     * Returns the folder that holds every model's folder.
     *
     * @return {@code ZOO/model/cv/image_classification/org/djlnas/zoo}
     */
    public Path groupFolder() {
        return root.resolve("model")
                .resolve(APPLICATION.getPath())
                .resolve(GROUP_ID.replace('.', '/'));
    }

    /**
     * Lists the models of the zoo: the folders with a valid name and a {@value #METADATA_FILE}.
     *
     * @return the names, sorted; empty if the zoo has no models or does not exist
     * @throws IOException if the zoo cannot be listed
     */
    public List<String> modelNames() throws IOException {
        Path group = groupFolder();
        if (!Files.isDirectory(group)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(group)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(METADATA_FILE)))
                    .map(f -> f.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches())
                    .sorted()
                    .toList();
        }
    }

    /**
     * Returns the folder of a model, which holds its {@value #METADATA_FILE}.
     *
     * @param name the model's name (its DJL artifact id)
     * @return the folder
     */
    public Path modelFolder(String name) {
        return root.resolve(modelPath(name));
    }

    /**
     * Returns the folder of one version of a model.
     *
     * @param name the model's name
     * @param version the version
     * @return the folder
     */
    public Path versionFolder(String name, String version) {
        return modelFolder(name).resolve(requireVersion(version));
    }

    /**
     * Returns the path of a model's folder relative to the zoo, with {@code /} separators.
     *
     * @param name the model's name
     * @return for example {@code model/cv/image_classification/org/djlnas/zoo/NAME}
     */
    public static String modelPath(String name) {
        return String.join(
                "/",
                List.of(
                        "model",
                        APPLICATION.getPath(),
                        GROUP_ID.replace('.', '/'),
                        requireName(name)));
    }

    /**
     * Returns the name of the weights file of a model.
     *
     * @param name the model's name
     * @return {@code NAME-0000.params}
     */
    public static String parametersFile(String name) {
        return requireName(name) + "-0000.params";
    }

    /**
     * Checks a model name: letters and digits, optionally joined by single {@code .}, {@code _} or
     * {@code -}.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not such a name
     */
    public static String requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "model name '"
                            + name
                            + "' is not valid; expected letters and digits, optionally joined by"
                            + " single '.', '_' or '-' (for example fmnist-nb201)");
        }
        return name;
    }

    /**
     * Checks a version: dot-separated whole numbers, such as {@code 1} or {@code 0.2.1}.
     *
     * @param version the version
     * @return the version
     * @throws IllegalArgumentException if it is not such a version
     */
    public static String requireVersion(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "version '"
                            + version
                            + "' is not valid; expected dot-separated whole numbers (for example 1"
                            + " or 0.2.1)");
        }
        return version;
    }
}
