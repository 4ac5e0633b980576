package org.djlnas.runtime.benchmark;

import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.trial.TrialSpec;

/**
 * Scores architectures by looking them up in a tabular benchmark, with no training: strategies can
 * be compared over thousands of searches in seconds. The lookup reports the metric {@code score}.
 *
 * <p>The metric {@code parameters} is measured apart, before the lookup ({@link
 * #measureBeforeTraining}), as a search does when an objective or a constraint names it: the
 * trainable parameters of the network the space compiles (for {@code nas-bench-201} at its default
 * settings, the benchmark's own networks: C=16, 5 cells per stage, 10 classes), for a 32×32 image
 * with the space's {@code input-channels} (3 if it has none), counted on an engine once per
 * architecture. A search that names neither loads no engine and stays a lookup.
 */
public final class TabularBenchmarkEvaluator implements Evaluator {

    /** The space setting that gives the images' channels, as {@code nas-bench-201} names it. */
    private static final String INPUT_CHANNELS = "input-channels";

    /** The images' height and width: NAS-Bench-201's CIFAR-10 tables are of 32×32 images. */
    private static final long IMAGE_SIZE = 32;

    private final BenchmarkStringCodec codec;
    private final TabularBenchmark table;
    private final ParameterCounter parameters;

    /**
     * Creates the evaluator.
     *
     * @param space the space; it must convert architectures to benchmark strings
     * @param table the benchmark table
     * @param engines the engines to count parameters on
     * @param engine the engine asked for, if any (else the selector's default)
     * @throws IllegalArgumentException if the space has no benchmark strings
     */
    public TabularBenchmarkEvaluator(
            SearchSpace space,
            TabularBenchmark table,
            EngineSelector engines,
            Optional<String> engine) {
        if (!(space instanceof BenchmarkStringCodec spaceCodec)) {
            throw new IllegalArgumentException(
                    "space '"
                            + space.id()
                            + "' has no tabular benchmark strings; `benchmark` works with"
                            + " nas-bench-201");
        }
        this.codec = spaceCodec;
        this.table = table;
        this.parameters = new ParameterCounter(space, imageOf(space), engines, engine);
    }

    private static Shape imageOf(SearchSpace space) {
        Object channels = space.settings().asMap().get(INPUT_CHANNELS);
        return new Shape(channels instanceof Number n ? n.longValue() : 3, IMAGE_SIZE, IMAGE_SIZE);
    }

    @Override
    public String objective() {
        return Metrics.SCORE;
    }

    @Override
    public Set<String> reportedMetrics() {
        return Set.of(Metrics.SCORE, Metrics.PARAMETERS);
    }

    @Override
    public Set<String> metricsBeforeTraining() {
        return Set.of(Metrics.PARAMETERS);
    }

    @Override
    public Map<String, Double> measureBeforeTraining(TrialSpec trial, Set<String> metrics) {
        if (!metricsBeforeTraining().containsAll(metrics)) {
            throw new IllegalArgumentException(
                    "a tabular benchmark measures only "
                            + metricsBeforeTraining()
                            + " before its lookup; asked for "
                            + metrics);
        }
        return metrics.isEmpty()
                ? Map.of()
                : Map.of(Metrics.PARAMETERS, (double) parameters.count(trial.architecture()));
    }

    @Override
    public Map<String, Double> evaluate(TrialSpec trial) throws TrialFailedException {
        String key = codec.toBenchmarkString(trial.architecture());
        double score =
                table.score(key)
                        .orElseThrow(
                                () ->
                                        new TrialFailedException(
                                                "architecture "
                                                        + key
                                                        + " is not in the benchmark table "
                                                        + table.source()));
        return Map.of(Metrics.SCORE, score);
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
