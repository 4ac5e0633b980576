package org.djlnas.api.eval;

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

    /** Milliseconds per inference batch. */
    public static final String LATENCY_MS = "latencyMs";

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

    private Metrics() {}
}
