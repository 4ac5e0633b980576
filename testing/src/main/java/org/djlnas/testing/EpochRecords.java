package org.djlnas.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.oneshot.EpochRecord;

/** One-shot epoch records as two runs of the same search can compare them. */
public final class EpochRecords {

    private EpochRecords() {}

    /**
     * Returns the records without their wall-clock times (metrics named {@code ...Seconds} or
     * {@code seconds}), which no two runs share.
     *
     * @param history the records
     * @return the records, otherwise unchanged
     */
    public static List<EpochRecord> comparable(List<EpochRecord> history) {
        return history.stream()
                .map(
                        record -> {
                            Map<String, Double> metrics = new LinkedHashMap<>(record.metrics());
                            metrics.keySet().removeIf(name -> name.endsWith("econds"));
                            return new EpochRecord(
                                    record.epoch(),
                                    record.architecture(),
                                    record.mixingWeights(),
                                    metrics);
                        })
                .toList();
    }
}
