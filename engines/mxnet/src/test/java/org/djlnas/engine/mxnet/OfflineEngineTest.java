package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import org.djlnas.testing.OfflineEngineContract;

/**
 * MXNet loads offline from the natives in the Maven jars, unpacked into the fresh cache, while
 * PyTorch is on the class path too.
 */
class OfflineEngineTest extends OfflineEngineContract {

    @Override
    protected String engineName() {
        return MxNetSupport.ENGINE_NAME;
    }

    @Override
    protected String versionPrefix() {
        return "1.9."; // the 1.9.1 natives report themselves as 1.9.0
    }

    @Override
    protected void assertNativesCameFromTheBuild(Path djlCache) throws IOException {
        assertThat(Engine.getAllEngines()).contains("PyTorch");
        assertThat(fileNamesUnder(djlCache))
                .as("natives were unpacked from the jar into the fresh cache")
                .contains("libmxnet.so");
    }
}
