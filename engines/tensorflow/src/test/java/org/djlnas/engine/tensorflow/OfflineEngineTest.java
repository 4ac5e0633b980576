package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.junit.jupiter.api.Test;

/**
 * Proves the TensorFlow engine loads, with offline mode on and an empty DJL cache (the build points
 * {@code DJL_CACHE_DIR} at a fresh folder), from the natives the build unpacked and named in {@code
 * TENSORFLOW_LIBRARY_PATH}, and computes.
 */
class OfflineEngineTest {

    @Test
    void loadsOfflineFromUnpackedNativesAndComputes() throws IOException {
        Path natives = Path.of(System.getenv(TensorFlowSupport.LIBRARY_PATH));
        assertThat(natives.resolve("libjnitensorflow.so")).isRegularFile();
        assertThat(natives.resolve("libtensorflow_cc.so.2")).isRegularFile();
        assertThat(natives.resolve("libtensorflow_framework.so.2")).isRegularFile();
        assertThat(System.getProperty("java.class.path"))
                .as("the natives jar stays off the class path")
                .doesNotContain("tensorflow-core-native");

        Engine engine =
                EngineSelector.discover()
                        .select(Optional.of("tensorflow"), EngineCapability.EXPORT);
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(engine.getEngineName()).isEqualTo(TensorFlowSupport.ENGINE_NAME);
        assertThat(engine.getVersion()).startsWith("2.16.1");

        Path cache = Path.of(System.getenv("DJL_CACHE_DIR"));
        if (Files.exists(cache)) {
            try (Stream<Path> files = Files.walk(cache)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("nothing was downloaded or extracted into the DJL cache")
                        .noneMatch(name -> name.contains("tensorflow"));
            }
        }

        try (NDManager manager = engine.newBaseManager()) {
            NDArray sum = manager.create(new float[] {1, 2, 3}).add(manager.create(2f));
            assertThat(sum.toFloatArray()).containsExactly(3f, 4f, 5f);
        }
    }
}
