package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void theJsonFormReadsBackEqual() {
        Provenance provenance = TestNetworks.provenance();
        String json = ProvenanceJson.write(provenance);
        assertThat(json)
                .contains("\"formatVersion\" : 1")
                .contains("\"created\" : \"2026-11-28T10:00:00Z\"")
                .contains("\"djl-nas\" : \"0.1.0-SNAPSHOT\"");
        assertThat(ProvenanceJson.read(json, "test")).isEqualTo(provenance);
    }

    @Test
    void latencyIsOptional() {
        Provenance provenance =
                Provenance.builder()
                        .setSpace("small-cnn", Map.of())
                        .setStrategy("random", Map.of())
                        .setEngine("MXNet", "1.9.1")
                        .setDataset("fashion-mnist", Map.of())
                        .setParameters(50186)
                        .setLibraryVersion("0.1.0")
                        .build();
        assertThat(provenance.latencyMs()).isEqualTo(OptionalDouble.empty());
        assertThat(provenance.validationAccuracy()).isEmpty();
        assertThat(provenance.djlVersion()).isEqualTo("0.36.0");
        String json = ProvenanceJson.write(provenance);
        assertThat(json).doesNotContain("latencyMs");
        assertThat(ProvenanceJson.read(json, "test")).isEqualTo(provenance);
    }

    @Test
    void accuraciesAndSummary() {
        Provenance provenance = TestNetworks.provenance();
        assertThat(provenance.validationAccuracy()).hasValue(0.81);
        assertThat(provenance.testAccuracy()).hasValue(0.8);
        assertThat(provenance.summary())
                .isEqualTo(
                        "nas-bench-201 by regularized-evolution on fashion-mnist, PyTorch 2.7.1,"
                                + " 2026-11-28");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> Provenance.builder().setSpace("x", Map.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters is missing");
        assertThatThrownBy(
                        () -> Provenance.builder().setSpace("x", Map.of()).setParameters(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy is missing");
        assertThatThrownBy(
                        () ->
                                Provenance.builder()
                                        .setSpace("x", Map.of())
                                        .setStrategy("y", Map.of())
                                        .setEngine("PyTorch", "2.7.1")
                                        .setDataset("d", Map.of())
                                        .setParameters(1)
                                        .setLibraryVersion("1")
                                        .optValidationMetrics(Map.of("accuracy", Double.NaN))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validationMetrics 'accuracy' is NaN");
    }

    @Test
    void malformedJsonIsRefusedNamingTheSourceAndField() {
        String json =
                ProvenanceJson.write(TestNetworks.provenance()).replace("\"engine\"", "\"x\"");
        assertThatThrownBy(() -> ProvenanceJson.read(json, "/zoo/provenance.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/zoo/provenance.json: field 'engine' is missing");
        assertThatThrownBy(() -> ProvenanceJson.read("{", "p.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("p.json is not valid JSON");
        assertThatThrownBy(() -> ProvenanceJson.read("{\"formatVersion\": 9}", "p.json"))
                .hasMessageContaining("formatVersion is 9");
    }
}
