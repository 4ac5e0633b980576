package org.djlnas.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.trial.TrialSpec;

/**
 * A test evaluator, found as a plug-in in the task's JVM: it reports 0.5 and 0.7 after steps 1 and
 * 2 and scores 0.7, or, for trial 99, waits until it is interrupted.
 */
public final class TestEvaluators implements EvaluatorProvider {

    /** The evaluator's id. */
    public static final String ID = "spark-test";

    /** The trial that waits. */
    public static final int WAITING_TRIAL = 99;

    /** Counted down when the waiting trial is interrupted. */
    public static final CountDownLatch INTERRUPTED = new CountDownLatch(1);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "reports twice, or waits to be interrupted (spark module tests)";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of();
    }

    @Override
    public Evaluator create(EvaluatorContext context) {
        return new Evaluator() {
            @Override
            public String objective() {
                return "score";
            }

            @Override
            public Map<String, Double> evaluate(TrialSpec trial) {
                throw new UnsupportedOperationException("evaluated with a reporter");
            }

            @Override
            public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter)
                    throws InterruptedException {
                if (trial.number() == WAITING_TRIAL) {
                    try {
                        Thread.sleep(120_000);
                    } catch (InterruptedException e) {
                        INTERRUPTED.countDown();
                        throw e;
                    }
                }
                reporter.report(0.5, 1);
                reporter.report(0.7, 2);
                return Map.of("score", 0.7);
            }
        };
    }
}
