package org.djlnas.strategies.oneshot;

import java.util.Map;

/**
 * What sets a bilevel one-shot method apart from DARTS, whose epochs {@link DartsSearch} runs: its
 * name and how the supernet's forward passes of an epoch run. DARTS computes every edge's mixture;
 * GDAS samples one path per pass ({@link GdasMethod}). The weight and architecture steps, the
 * optimizers, the derivation and the checkpoints are the same.
 */
interface OneShotMethod {

    /** DARTS: every pass computes every edge's full mixture. */
    OneShotMethod DARTS =
            new OneShotMethod() {
                @Override
                public String name() {
                    return "DARTS";
                }

                @Override
                public Map<String, Double> beginEpoch(Supernet supernet, int epoch, int epochs) {
                    return Map.of();
                }
            };

    /**
     * Returns the method's name, for logs and messages.
     *
     * @return the name
     */
    String name();

    /**
     * Prepares the supernet's passes for an epoch, before its first step. It is a function of the
     * epoch alone, so that a search resumed at an epoch runs it as one that never stopped.
     *
     * @param supernet the supernet
     * @param epoch the epoch, counting from 1
     * @param epochs the number of epochs
     * @return metrics of the epoch to journal with it (none for DARTS)
     */
    Map<String, Double> beginEpoch(Supernet supernet, int epoch, int epochs);
}
