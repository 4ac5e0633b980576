package org.djlnas.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.trial.TrialSpec;

/**
 * A test evaluator ({@value #ID}) where accuracy and size pull apart, with no training: over
 * NAS-Bench-201 cells, each 3×3 convolution adds 1000 parameters and 0.05 accuracy, each 1×1
 * convolution 100 parameters and 0.02 accuracy, each skip connection no parameters and 0.01
 * accuracy, on top of 0.5. It measures parameters before training too and counts the trials it
 * "trained", so tests can tell which were never trained. Not registered with {@link
 * java.util.ServiceLoader}: tests add it to a catalog of their own.
 */
public final class SizedEvaluatorProvider implements EvaluatorProvider {

    /** The evaluator's id. */
    public static final String ID = "sized";

    private final AtomicInteger trained = new AtomicInteger();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "accuracy and parameters counted from NAS-Bench-201 cells (tests)";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of();
    }

    @Override
    public Evaluator create(EvaluatorContext context) {
        return new Sized();
    }

    /**
     * Returns how many trials the evaluators of this provider trained.
     *
     * @return the count
     */
    public int trained() {
        return trained.get();
    }

    /**
     * Returns the parameters this evaluator counts for an architecture's values.
     *
     * @param values the architecture's values
     * @return the parameters
     */
    public static double parameters(Map<String, Object> values) {
        return 1000.0 * count(values, "nor_conv_3x3") + 100.0 * count(values, "nor_conv_1x1");
    }

    private static long count(Map<String, Object> values, String operation) {
        return values.values().stream().filter(operation::equals).count();
    }

    private final class Sized implements Evaluator {

        @Override
        public String objective() {
            return Metrics.ACCURACY;
        }

        @Override
        public Set<String> reportedMetrics() {
            return Set.of(Metrics.ACCURACY, Metrics.PARAMETERS);
        }

        @Override
        public Set<String> metricsBeforeTraining() {
            return Set.of(Metrics.PARAMETERS);
        }

        @Override
        public Map<String, Double> measureBeforeTraining(TrialSpec trial, Set<String> metrics) {
            return Map.of(Metrics.PARAMETERS, parameters(trial.architecture().values()));
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) {
            trained.incrementAndGet();
            Map<String, Object> values = trial.architecture().values();
            double accuracy =
                    0.5
                            + 0.05 * count(values, "nor_conv_3x3")
                            + 0.02 * count(values, "nor_conv_1x1")
                            + 0.01 * count(values, "skip_connect");
            return Map.of(Metrics.ACCURACY, accuracy, Metrics.PARAMETERS, parameters(values));
        }
    }
}
