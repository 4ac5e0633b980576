package org.djlnas.engine.tensorflow;

import ai.djl.engine.Engine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineDefaults;
import org.djlnas.api.engine.EngineSupport;
import org.djlnas.api.engine.NetworkExporter;
import org.jspecify.annotations.Nullable;

/**
 * DJL's TensorFlow engine, as a deployment target only: it runs SavedModels (see {@link
 * SavedModelExporter}) but cannot train or run DJL blocks.
 *
 * <p><b>Natives.</b> The TensorFlow natives come from the Maven Central jar {@code
 * org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64}, <em>unpacked</em>, never on the
 * class path (there DJL and TF Java would each load them: twice). Point the {@value #LIBRARY_PATH}
 * environment variable or system property at the folder that holds {@code libtensorflow_cc.so.2},
 * {@code libtensorflow_framework.so.2} and {@code libjnitensorflow.so}, that is {@code
 * <unpacked>/org/tensorflow/internal/c_api/linux-x86_64}. This module's build unpacks the jar into
 * {@code target/tensorflow-native} with the maven-dependency-plugin and sets the variable for its
 * tests; an application does the same in its own build or launcher. Without the variable DJL
 * searches {@code java.library.path} and then tries to download natives, which offline mode
 * forbids.
 *
 * <p>Defaults, each kept when the user has set it already:
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: DJL fails instead of downloading anything;
 *   <li>{@code OPT_OUT_TRACKING=true}: no start-up telemetry call.
 * </ul>
 */
public final class TensorFlowSupport implements EngineSupport {

    /** The DJL engine name. */
    public static final String ENGINE_NAME = "TensorFlow";

    /** The environment variable or system property that names the folder of the natives. */
    public static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";

    @Override
    public String engineName() {
        return ENGINE_NAME;
    }

    @Override
    public Set<EngineCapability> capabilities() {
        return EnumSet.of(EngineCapability.EXPORT);
    }

    /**
     * Sets the offline and telemetry defaults, and checks the natives folder.
     *
     * @throws IllegalStateException if {@value #LIBRARY_PATH} is set but names no folder that holds
     *     TensorFlow's JNI library
     */
    /**
     * Returns the SavedModel exporter. The engine must be loaded first, as {@link
     * org.djlnas.api.engine.EngineSelector#exporter} does.
     *
     * @return the exporter
     */
    @Override
    public Optional<NetworkExporter> exporter() {
        return Optional.of(new SavedModelExporter(Engine.getEngine(ENGINE_NAME)));
    }

    @Override
    public void configureDefaults() {
        EngineDefaults.offlineWithoutTelemetry();
        checkLibraryPath(read(LIBRARY_PATH));
    }

    /**
     * Checks a value of {@value #LIBRARY_PATH}, a list of folders in the platform's path syntax, as
     * DJL reads it. Unset is allowed (DJL then searches {@code java.library.path}); a value under
     * which DJL would find no JNI library is not, since DJL would then try to download natives.
     *
     * @param libraryPath the value, or null if unset
     * @throws IllegalStateException naming the folders and what is wrong with them
     */
    static void checkLibraryPath(@Nullable String libraryPath) {
        if (libraryPath == null || libraryPath.isBlank()) {
            return;
        }
        String jniLibrary = System.mapLibraryName("jnitensorflow");
        List<String> problems = new ArrayList<>();
        for (String entry : libraryPath.split(File.pathSeparator)) {
            Path folder = Path.of(entry);
            if (Files.isRegularFile(folder.resolve(jniLibrary))) {
                return;
            }
            problems.add(
                    folder
                            + (Files.isDirectory(folder)
                                    ? " has no " + jniLibrary
                                    : " is not an existing folder"));
        }
        throw new IllegalStateException(
                LIBRARY_PATH
                        + " names no folder of TensorFlow natives: "
                        + String.join("; ", problems)
                        + ". Point it at the org/tensorflow/internal/c_api/linux-x86_64 folder"
                        + " unpacked from org.tensorflow:tensorflow-core-native:1.0.0-rc.1"
                        + ":linux-x86_64");
    }

    private static @Nullable String read(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }
}
