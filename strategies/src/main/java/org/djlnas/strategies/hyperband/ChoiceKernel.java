package org.djlnas.strategies.hyperband;

import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.space.Choice;
import org.jspecify.annotations.Nullable;

/**
 * The kernel of one choice in a kernel density estimate: how likely a value is near an observed
 * one, and how to draw a value near it. An observed architecture that does not reach the choice
 * (for example a layer of a repeat beyond the chosen depth) has no value there; the kernel then
 * falls back to the choice's uniform prior.
 */
sealed interface ChoiceKernel permits CategoricalKernel, GaussianKernel {

    /**
     * Fits the kernel of a choice to the values observed for it.
     *
     * @param choice the choice
     * @param observed the values of the observations that reach the choice
     * @param dimensions the number of choices of the space, for the bandwidth's rate
     * @param minBandwidth the smallest bandwidth (on a continuous choice, a fraction of {@code
     *     range})
     * @param range the spread of a continuous choice's values over every observation of the model
     *     (ignored for finite choices)
     * @return the kernel
     */
    static ChoiceKernel fit(
            Choice choice,
            List<Object> observed,
            int dimensions,
            double minBandwidth,
            double range) {
        double rate = Math.pow(Math.max(observed.size(), 1), -1.0 / (4 + dimensions));
        return choice.isContinuous()
                ? GaussianKernel.fit(choice, observed, rate, minBandwidth, range)
                : CategoricalKernel.fit(choice, observed, rate, minBandwidth);
    }

    /**
     * Returns the log of the kernel's probability (mass or density) of a value.
     *
     * @param value a canonical value of the choice
     * @param center the observed value the kernel sits on, or {@code null} if the observation does
     *     not reach the choice
     * @return the log-probability
     */
    double logProbability(Object value, @Nullable Object center);

    /**
     * Draws a value from the kernel with its bandwidth multiplied by {@code widening}.
     *
     * @param center the observed value, or {@code null} to draw from the prior
     * @param widening the bandwidth factor, at least 1
     * @param random the random source
     * @return a canonical value of the choice
     */
    Object sample(@Nullable Object center, double widening, SplittableRandom random);
}
