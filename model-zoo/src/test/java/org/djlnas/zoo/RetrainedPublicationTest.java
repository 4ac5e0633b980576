package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Retraining;
import org.junit.jupiter.api.Test;

/** The provenance of a retrained network, as the retraining and its search give it. */
class RetrainedPublicationTest {

    private static Retraining.Report trained() {
        Retraining.Request request =
                new Retraining.Request(
                        TestNetworks.SPACE,
                        TestNetworks.SETTINGS,
                        TestNetworks.someArchitecture(),
                        "fashion-mnist",
                        Map.of(),
                        TestNetworks.ENGINE,
                        5,
                        new Budget(2, 500));
        return new Retraining.Report(
                request,
                Metrics.ACCURACY,
                Map.of(
                        Metrics.ACCURACY,
                        0.81,
                        Metrics.LOSS,
                        0.52,
                        Metrics.PARAMETERS,
                        1234.0,
                        Metrics.LATENCY_MS,
                        1.5,
                        "seconds",
                        9.0),
                Map.of(Metrics.TEST_ACCURACY, 0.79),
                Duration.ofSeconds(10),
                Path.of("retrain"));
    }

    @Test
    void whatASearchFoundRecordsItsStrategyAndBothSeeds() {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace(TestNetworks.SPACE)
                        .setStrategy("regularized-evolution")
                        .optStrategySettings(Map.of("population", "8"))
                        .optDataset("fashion-mnist")
                        .optSeed(42)
                        .build();

        Provenance provenance =
                RetrainedPublication.provenance(trained(), Optional.of(config), "1.2.3");

        assertThat(provenance.strategy()).isEqualTo("regularized-evolution");
        assertThat(provenance.strategySettings()).containsEntry("population", "8");
        assertThat(provenance.seeds())
                .containsEntry("experiment", 42L)
                .containsEntry("retrain", 5L);
        assertThat(provenance.engine()).isEqualTo(TestNetworks.ENGINE);
        assertThat(provenance.engineVersion())
                .isEqualTo(Engine.getEngine(TestNetworks.ENGINE).getVersion());
        assertThat(provenance.dataset()).isEqualTo("fashion-mnist");
        assertThat(provenance.split()).containsEntry("seed", "5");
        assertThat(provenance.validationMetrics())
                .containsOnly(Map.entry(Metrics.ACCURACY, 0.81), Map.entry(Metrics.LOSS, 0.52));
        assertThat(provenance.testMetrics()).containsOnly(Map.entry(Provenance.ACCURACY, 0.79));
        assertThat(provenance.parameters()).isEqualTo(1234);
        assertThat(provenance.latencyMs()).hasValue(1.5);
        assertThat(provenance.libraryVersion()).isEqualTo("1.2.3");
        assertThat(provenance.djlVersion()).isEqualTo(Engine.getDjlVersion());
    }

    @Test
    void anArchitectureGivenByHandIsRecordedAsGivenWithTheRetrainSeedOnly() {
        Provenance provenance = RetrainedPublication.provenance(trained(), Optional.empty(), "dev");

        assertThat(provenance.strategy()).isEqualTo(RetrainedPublication.GIVEN);
        assertThat(provenance.strategySettings()).isEmpty();
        assertThat(provenance.seeds()).containsOnly(Map.entry("retrain", 5L));
    }
}
