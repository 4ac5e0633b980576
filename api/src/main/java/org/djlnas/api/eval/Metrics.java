package org.djlnas.api.eval;

import java.util.Locale;
import java.util.Map;

/** The names of the metrics built-in evaluators report. */
public final class Metrics {

    /** Validation accuracy, a fraction in [0, 1]. */
    public static final String ACCURACY = "accuracy";

    /** Mean validation loss. */
    public static final String LOSS = "loss";

    /** Trainable parameters of the compiled network. */
    public static final String PARAMETERS = "parameters";

    /** Seconds spent training. */
    public static final String TRAIN_SECONDS = "trainSeconds";

    /**
     * Milliseconds of one inference: the median over repeats, after warm-up, at batch size 1 on the
     * experiment's engine and device.
     */
    public static final String LATENCY_MS = "latencyMs";

    /**
     * Milliseconds of one inference of a batch of several examples (the evaluator states its batch
     * size): the median over repeats, after warm-up.
     */
    public static final String LATENCY_BATCH_MS = "latencyBatchMs";

    /** Multiply-adds of one forward pass of one example through the compiled network. */
    public static final String FLOPS = "flops";

    /**
     * An estimate of the peak memory, in mebibytes, of one inference of a batch: the parameters
     * plus every operation's output, as if nothing were freed (the evaluator states its batch
     * size). An estimate, not a measurement: engines do not report memory per network.
     */
    public static final String PEAK_MEMORY_MB = "peakMemoryMb";

    /** Validation error of a classifier: one minus the accuracy. */
    public static final String ERROR = "error";

    /** Test accuracy, reported only for the final model. */
    public static final String TEST_ACCURACY = "testAccuracy";

    /** Validation root mean squared error of a regression, in the target's units. */
    public static final String RMSE = "rmse";

    /** Validation mean absolute error of a regression, in the target's units. */
    public static final String MAE = "mae";

    /** Test root mean squared error of a regression, reported only for the final model. */
    public static final String TEST_RMSE = "testRmse";

    /** Test mean absolute error of a regression, reported only for the final model. */
    public static final String TEST_MAE = "testMae";

    /** The score a tabular benchmark holds for an architecture. */
    public static final String SCORE = "score";

    private static final Map<String, String> ALIASES =
            Map.ofEntries(
                    Map.entry("params", PARAMETERS),
                    Map.entry("latency-ms", LATENCY_MS),
                    Map.entry("latency", LATENCY_MS),
                    Map.entry("latency-batch-ms", LATENCY_BATCH_MS),
                    Map.entry("macs", FLOPS),
                    Map.entry("peak-memory-mb", PEAK_MEMORY_MB),
                    Map.entry("memory-mb", PEAK_MEMORY_MB),
                    Map.entry("train-seconds", TRAIN_SECONDS));

    private Metrics() {}

    /**
     * Returns the journaled name of a metric as a user may write it: the names written on the
     * command line ({@code params}, {@code latency-ms}, {@code latency-batch-ms}, {@code
     * peak-memory-mb}, {@code train-seconds}) stand for the journal's ({@code parameters}, {@code
     * latencyMs}, …); any other name is returned as given.
     *
     * @param name a metric's name
     * @return its journaled name
     */
    public static String canonical(String name) {
        String trimmed = name.trim();
        return ALIASES.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    }
}
