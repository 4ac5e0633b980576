package org.djlnas.engine.pytorch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.djlnas.testing.OfflineEngineContract;

/** PyTorch loads offline from the natives in the Maven jars, unpacked into the fresh cache. */
class OfflineEngineTest extends OfflineEngineContract {

    @Override
    protected String engineName() {
        return "PyTorch";
    }

    @Override
    protected String versionPrefix() {
        return "2.7.1";
    }

    @Override
    protected void assertNativesCameFromTheBuild(Path djlCache) throws IOException {
        assertThat(fileNamesUnder(djlCache))
                .as("natives were unpacked from the jar into the fresh cache")
                .anyMatch(name -> name.startsWith("libtorch"));
    }
}
