package org.djlnas.strategies.hyperband;

import java.util.Locale;
import java.util.Map;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints what BOHB's ask and tell cost on NAS-Bench-201 after 10, 100 and 1,000 told trials, all at
 * one budget (the model's worst case: every observation is in it). Runs only with {@code
 * -Dnas.benchmark=true}; it measures, it asserts nothing.
 */
@EnabledIfSystemProperty(named = "nas.benchmark", matches = "true")
class BohbCostBenchmark {

    private static final int MEASURED = 50;

    private final SearchSpace nb201 = Trials.nasBench201();

    @Test
    void askAndTellCost() {
        costs(Map.of(), 1000);
        for (String randomFraction : new String[] {"0.3333333333333333", "0"}) {
            for (int told : new int[] {10, 100, 1000}) {
                double[] ms = costs(Map.of("random-fraction", randomFraction), told);
                System.out.printf(
                        Locale.ROOT,
                        "bohb, random-fraction %s, %d told: ask %.3f ms, tell %.4f ms%n",
                        randomFraction.length() > 4 ? "1/3" : randomFraction,
                        told,
                        ms[0],
                        ms[1]);
            }
        }
    }

    /** Tells {@code told} trials, then returns the mean ask and tell milliseconds of the next. */
    private double[] costs(Map<String, String> extra, int told) {
        Map<String, String> settings = new java.util.HashMap<>(extra);
        settings.put("min-epochs", "1");
        settings.put("max-epochs", "1");
        Strategy strategy = Trials.create(new BohbProvider(), nb201, 1, settings);
        for (int n = 1; n <= told; n++) {
            Proposal proposal = strategy.ask().orElseThrow();
            strategy.tell(Trials.done(n, proposal, Trials.hashScore(proposal)));
        }
        long askNanos = 0;
        long tellNanos = 0;
        for (int n = told + 1; n <= told + MEASURED; n++) {
            long start = System.nanoTime();
            Proposal proposal = strategy.ask().orElseThrow();
            long asked = System.nanoTime();
            strategy.tell(Trials.done(n, proposal, Trials.hashScore(proposal)));
            tellNanos += System.nanoTime() - asked;
            askNanos += asked - start;
        }
        return new double[] {askNanos / 1e6 / MEASURED, tellNanos / 1e6 / MEASURED};
    }
}
