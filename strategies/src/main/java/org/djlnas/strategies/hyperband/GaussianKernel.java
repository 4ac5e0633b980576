package org.djlnas.strategies.hyperband;

import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.space.Choice;
import org.jspecify.annotations.Nullable;

/**
 * A Gaussian kernel on the raw value of a continuous choice (a float range), treated as ordered.
 *
 * <p>The api exposes neither a float range's bounds nor whether it is log-scaled, so the kernel
 * works on the raw value: its bandwidth is the normal reference rule {@code 1.06 · σ · n^(-1/(4 +
 * d))} with at least {@code minBandwidth} times the spread of the values observed at the model's
 * budget; its density is not truncated (as in HpBandSter, whose density is statsmodels' untruncated
 * one); draws outside the domain (rejected by {@link Choice#canonicalize}) are redrawn, up to
 * {@value #MAX_REDRAWS} times, and then the observed value is kept. An observation that does not
 * reach the choice contributes a uniform density over the observed spread.
 */
final class GaussianKernel implements ChoiceKernel {

    static final int MAX_REDRAWS = 100;

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final Choice choice;
    private final double bandwidth;
    private final double logPrior;

    private GaussianKernel(Choice choice, double bandwidth, double range) {
        this.choice = choice;
        this.bandwidth = bandwidth;
        this.logPrior = -Math.log(range);
    }

    /**
     * Fits the kernel.
     *
     * @param choice a continuous choice
     * @param observed the observed values
     * @param rate {@code n^(-1/(4 + d))}
     * @param minBandwidth the smallest bandwidth as a fraction of {@code range}
     * @param range the spread of the values at the model's budget (1 if they are all equal)
     * @return the kernel
     */
    static GaussianKernel fit(
            Choice choice, List<Object> observed, double rate, double minBandwidth, double range) {
        double sum = 0;
        double sumOfSquares = 0;
        for (Object value : observed) {
            double x = ((Number) value).doubleValue();
            sum += x;
            sumOfSquares += x * x;
        }
        int n = observed.size();
        double mean = n == 0 ? 0 : sum / n;
        double sd = n == 0 ? range : Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
        return new GaussianKernel(choice, Math.max(1.06 * sd * rate, minBandwidth * range), range);
    }

    @Override
    public double logProbability(Object value, @Nullable Object center) {
        if (center == null) {
            return logPrior;
        }
        double z = (((Number) value).doubleValue() - ((Number) center).doubleValue()) / bandwidth;
        return -0.5 * z * z - Math.log(bandwidth) - LOG_SQRT_TWO_PI;
    }

    @Override
    public Object sample(@Nullable Object center, double widening, SplittableRandom random) {
        if (center == null) {
            return choice.sampleValue(random);
        }
        double middle = ((Number) center).doubleValue();
        for (int i = 0; i < MAX_REDRAWS; i++) {
            double drawn = middle + bandwidth * widening * random.nextGaussian();
            try {
                return choice.canonicalize(drawn);
            } catch (IllegalArgumentException outsideTheDomain) {
                // Redraw: the api offers no bounds to truncate to.
            }
        }
        return center;
    }
}
