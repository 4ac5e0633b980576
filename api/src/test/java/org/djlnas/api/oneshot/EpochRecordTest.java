package org.djlnas.api.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochRecordTest {

    private static EpochRecord record() {
        Architecture arch =
                Architecture.of(
                        Map.of(
                                "normal/node2/inputs", List.of(0, 1),
                                "normal/node2/from0", "sep_conv_3x3",
                                "normal/node2/from1", "skip_connect"));
        Map<String, List<Double>> weights = new LinkedHashMap<>();
        weights.put("normal/node2/from1", List.of(0.125, 0.5, 0.375));
        weights.put("normal/node2/from0", List.of(0.1, 0.2, 0.7));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", 1.2345678901234567);
        metrics.put("valid_accuracy", 0.42);
        metrics.put("seconds", 12.0);
        return new EpochRecord(3, arch, weights, metrics);
    }

    @Test
    void jsonRoundTripGivesAnEqualRecord() {
        EpochRecord record = record();

        EpochRecord parsed = EpochRecord.fromJson(record.toJson());

        assertThat(parsed).isEqualTo(record);
        assertThat(parsed.mixingWeights().keySet())
                .containsExactly("normal/node2/from1", "normal/node2/from0");
        assertThat(parsed.metrics().get("train_loss")).isEqualTo(1.2345678901234567);
        assertThat(parsed.toJson()).isEqualTo(record.toJson());
    }

    @Test
    void jsonHasTheDocumentedFields() {
        assertThat(record().toJson())
                .startsWith("{\"epoch\":3,\"architecture\":{")
                .contains("\"mixingWeights\":{\"normal/node2/from1\":[0.125,0.5,0.375]")
                .contains("\"metrics\":{\"train_loss\":");
    }

    @Test
    void recordIsImmutable() {
        EpochRecord record = record();

        assertThatThrownBy(() -> record.metrics().put("x", 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> record.mixingWeights().get("normal/node2/from0").set(0, 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAnEpochBelowOne() {
        EpochRecord record = record();

        assertThatThrownBy(
                        () ->
                                new EpochRecord(
                                        0,
                                        record.architecture(),
                                        record.mixingWeights(),
                                        record.metrics()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epoch is 0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":{}}",
                "{\"epoch\":0,\"architecture\":{},\"mixingWeights\":{},\"metrics\":{}}",
                "{\"epoch\":1,\"architecture\":[],\"mixingWeights\":{},\"metrics\":{}}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":{\"a\":\"x\"},\"metrics\":{}}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":{},\"metrics\":{\"a\":\"x\"}}",
                "{\"epoch\":1,\"architecture\":null,\"mixingWeights\":{},\"metrics\":{}}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":null,\"metrics\":{}}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":{\"a\":null},\"metrics\":{}}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":{\"a\":[null]},\"metrics\":{}}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":{},\"metrics\":null}",
                "{\"epoch\":1,\"architecture\":{},\"mixingWeights\":{},\"metrics\":{\"a\":null}}",
            })
    void malformedJsonIsAnIllegalArgument(String json) {
        assertThatThrownBy(() -> EpochRecord.fromJson(json))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed epoch record");
    }
}
