package org.djlnas.zoo;

import ai.djl.engine.Engine;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelZoo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The DJL model zoo of group {@value ZooLayout#GROUP_ID}: the models published into zoo folders.
 *
 * <p>DJL finds it through {@link NasZooProvider}, and an ordinary {@code Criteria} with {@code
 * optGroupId("org.djlnas.zoo")} and {@code optArtifactId(NAME)} loads from the folders named by the
 * system property {@value #LOCATION_PROPERTY}, else the environment variable {@value
 * #LOCATION_ENV}: zoo folders separated by {@link File#pathSeparator}, searched in order, read
 * afresh at every lookup. {@code Criteria.optModelZoo(NasModelZoo.of(folder))} names the folders
 * explicitly. Models load from the zoo folder itself, with no copy in DJL's cache, on whichever
 * engine the criteria names, else DJL's default engine.
 */
public final class NasModelZoo extends ModelZoo {

    /** The system property that lists zoo folders. */
    public static final String LOCATION_PROPERTY = "nas.zoo";

    /** The environment variable that lists zoo folders when the property is not set. */
    public static final String LOCATION_ENV = "NAS_ZOO";

    private final @Nullable List<Path> folders;

    /**
     * Creates the zoo of the folders that {@value #LOCATION_PROPERTY} or {@value #LOCATION_ENV}
     * list.
     */
    public NasModelZoo() {
        this.folders = null;
    }

    private NasModelZoo(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /**
     * Creates the zoo of given folders.
     *
     * @param folders zoo folders, searched in order
     * @return the zoo
     */
    public static NasModelZoo of(Path... folders) {
        return new NasModelZoo(Arrays.asList(folders));
    }

    /**
     * Returns the folders this zoo searches now.
     *
     * @return the folders, in search order
     */
    public List<Path> folders() {
        if (folders != null) {
            return folders;
        }
        return fromEnvironment(System::getProperty, System::getenv);
    }

    /**
     * Reads the zoo folders from {@value #LOCATION_PROPERTY}, else {@value #LOCATION_ENV}.
     *
     * @param properties the system properties
     * @param environment the environment variables
     * @return the folders, in search order
     */
    static List<Path> fromEnvironment(
            Function<String, @Nullable String> properties,
            Function<String, @Nullable String> environment) {
        String list = properties.apply(LOCATION_PROPERTY);
        if (list == null || list.isBlank()) {
            list = environment.apply(LOCATION_ENV);
        }
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (String part : list.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part.trim()));
            }
        }
        return paths;
    }

    /**
     * Returns {@value ZooLayout#GROUP_ID}.
     *
     * @return the group id
     */
    @Override
    public String getGroupId() {
        return ZooLayout.GROUP_ID;
    }

    /**
     * Lists a loader for every model of every folder, in the folders' order.
     *
     * @return the loaders
     */
    @Override
    public Collection<ModelLoader> getModelLoaders() {
        List<ModelLoader> loaders = new ArrayList<>();
        for (Path folder : folders()) {
            if (Files.isDirectory(folder)) {
                for (MRL mrl : new ZooRepository(folder).getResources()) {
                    loaders.add(new ZooModelLoader(mrl));
                }
            }
        }
        return loaders;
    }

    /**
     * Returns the loader of a model, from the first folder that has it.
     *
     * @param name the model's name
     * @return the loader, or null if no folder has the model (as DJL's {@code ModelZoo} does)
     */
    @Override
    public @Nullable ModelLoader getModelLoader(String name) {
        return getModelLoaders().stream()
                .filter(loader -> loader.getArtifactId().equals(name))
                .findFirst()
                .orElse(null);
    }

    /**
     * Returns every engine on the class path: published weights load on any engine that runs DJL
     * blocks.
     *
     * @return the engine names
     */
    @Override
    public Set<String> getSupportedEngines() {
        return Engine.getAllEngines();
    }
}
