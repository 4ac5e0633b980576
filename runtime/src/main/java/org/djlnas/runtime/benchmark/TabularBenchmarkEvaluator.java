package org.djlnas.runtime.benchmark;

import java.util.Map;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.TrialSpec;

/**
 * Scores architectures by looking them up in a tabular benchmark, with no training: strategies can
 * be compared over thousands of searches in seconds. Reports the metric {@code score}.
 */
public final class TabularBenchmarkEvaluator implements Evaluator {

    private final BenchmarkStringCodec codec;
    private final TabularBenchmark table;

    /**
     * Creates the evaluator.
     *
     * @param space the space; it must convert architectures to benchmark strings
     * @param table the benchmark table
     * @throws IllegalArgumentException if the space has no benchmark strings
     */
    public TabularBenchmarkEvaluator(SearchSpace space, TabularBenchmark table) {
        if (!(space instanceof BenchmarkStringCodec spaceCodec)) {
            throw new IllegalArgumentException(
                    "space '"
                            + space.id()
                            + "' has no tabular benchmark strings; `benchmark` works with"
                            + " nas-bench-201");
        }
        this.codec = spaceCodec;
        this.table = table;
    }

    @Override
    public String objective() {
        return Metrics.SCORE;
    }

    @Override
    public Map<String, Double> evaluate(TrialSpec trial) throws TrialFailedException {
        String key = codec.toBenchmarkString(trial.architecture());
        return Map.of(
                Metrics.SCORE,
                table.score(key)
                        .orElseThrow(
                                () ->
                                        new TrialFailedException(
                                                "architecture "
                                                        + key
                                                        + " is not in the benchmark table "
                                                        + table.source())));
    }

    /**
     * Returns the table the evaluator looks architectures up in.
     *
     * @return the table
     */
    public TabularBenchmark table() {
        return table;
    }
}
