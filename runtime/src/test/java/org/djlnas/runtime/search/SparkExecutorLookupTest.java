package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime without the spark module on its class path (as here) refuses executor spark. */
class SparkExecutorLookupTest {

    @TempDir Path folder;

    @Test
    void executorSparkWithoutTheModuleIsRefusedBeforeAnythingIsWritten() {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("random")
                        .optBenchmark("nas-bench-201-cifar10")
                        .optExecutor(ExperimentConfig.SPARK)
                        .build();
        Path out = folder.resolve("out");

        assertThatThrownBy(() -> SearchSession.create(out, config, Plugins.discover()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`executor` is spark, but the djl-nas-spark module is not on the class"
                                + " path (docs/spark.md)");
        assertThat(out).doesNotExist();
    }
}
