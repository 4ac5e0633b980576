package org.djlnas.cli;

import java.util.Map;
import org.djlnas.api.eval.Metrics;

/** How the cli shows test metrics: {@code testRmse} as {@code test RMSE}. */
final class TestMetricNames {

    private static final Map<String, String> SHOWN =
            Map.of(
                    Metrics.TEST_ACCURACY, "test accuracy",
                    Metrics.TEST_RMSE, "test RMSE",
                    Metrics.TEST_MAE, "test MAE");

    private TestMetricNames() {}

    /**
     * Returns a test metric's name as printed.
     *
     * @param metric the metric's name
     * @return its printed name, or the name itself if it has none
     */
    static String shown(String metric) {
        return SHOWN.getOrDefault(metric, metric);
    }
}
