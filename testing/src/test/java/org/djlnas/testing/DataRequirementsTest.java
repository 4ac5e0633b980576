package org.djlnas.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DataRequirementsTest {

    @TempDir Path folder;

    @Test
    void presentDataPassesEverywhere() {
        assertThatCode(() -> DataRequirements.require("Fashion-MNIST", folder, "true"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DataRequirements.require("Fashion-MNIST", folder, null))
                .doesNotThrowAnyException();
    }

    @Test
    void missingDataFailsOnCi() {
        Path missing = folder.resolve("fashion-mnist");
        assertThatThrownBy(() -> DataRequirements.require("Fashion-MNIST", missing, "true"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Fashion-MNIST is not installed in " + missing)
                .hasMessageContaining("CI=true");
    }

    @Test
    void missingDataSkipsElsewhere() {
        Path missing = folder.resolve("fashion-mnist");
        for (String ci : new String[] {null, "false", ""}) {
            assertThatThrownBy(() -> DataRequirements.require("Fashion-MNIST", missing, ci))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("Fashion-MNIST is not installed in " + missing);
        }
    }
}
