package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import org.djlnas.api.engine.EngineCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFlowSupportTest {

    @Test
    void canOnlyExport() {
        TensorFlowSupport support = new TensorFlowSupport();
        assertThat(support.engineName()).isEqualTo("TensorFlow");
        assertThat(support.capabilities()).containsExactly(EngineCapability.EXPORT);
    }

    @Test
    void acceptsAnUnsetLibraryPathAndTheUnpackedNatives() {
        assertThatCode(() -> TensorFlowSupport.checkLibraryPath(null)).doesNotThrowAnyException();
        String unpacked = System.getenv(TensorFlowSupport.LIBRARY_PATH);
        assertThatCode(() -> TensorFlowSupport.checkLibraryPath(unpacked))
                .doesNotThrowAnyException();
        assertThatCode(
                        () ->
                                TensorFlowSupport.checkLibraryPath(
                                        "/no/such/folder" + File.pathSeparator + unpacked))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsALibraryPathWithoutNatives(@TempDir Path empty) {
        assertThatThrownBy(() -> TensorFlowSupport.checkLibraryPath("/no/such/folder"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/no/such/folder is not an existing folder");
        assertThatThrownBy(() -> TensorFlowSupport.checkLibraryPath(empty.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty + " has no libjnitensorflow.so");
    }
}
