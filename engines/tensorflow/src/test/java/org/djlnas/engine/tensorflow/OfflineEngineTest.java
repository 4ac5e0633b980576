package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.djlnas.testing.OfflineEngineContract;

/**
 * TensorFlow loads offline from the natives the build unpacked and named in {@code
 * TENSORFLOW_LIBRARY_PATH}; nothing goes into the DJL cache.
 */
class OfflineEngineTest extends OfflineEngineContract {

    @Override
    protected String engineName() {
        return TensorFlowSupport.ENGINE_NAME;
    }

    @Override
    protected String versionPrefix() {
        return "2.16.1";
    }

    @Override
    protected void assertNativesCameFromTheBuild(Path djlCache) throws IOException {
        Path natives = Path.of(System.getenv(TensorFlowSupport.LIBRARY_PATH));
        assertThat(natives.resolve("libjnitensorflow.so")).isRegularFile();
        assertThat(natives.resolve("libtensorflow_cc.so.2")).isRegularFile();
        assertThat(natives.resolve("libtensorflow_framework.so.2")).isRegularFile();
        assertThat(System.getProperty("java.class.path"))
                .as("the natives jar stays off the class path")
                .doesNotContain("tensorflow-core-native");
        assertThat(fileNamesUnder(djlCache))
                .as("nothing was downloaded or extracted into the DJL cache")
                .noneMatch(name -> name.contains("tensorflow"));
    }
}
