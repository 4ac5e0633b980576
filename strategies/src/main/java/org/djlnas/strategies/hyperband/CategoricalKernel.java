package org.djlnas.strategies.hyperband;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.space.Choice;
import org.jspecify.annotations.Nullable;

/**
 * The Aitchison–Aitken kernel of a choice with {@code k} values: mass {@code 1 - h} on the observed
 * value and {@code h / (k - 1)} on each other value, with {@code h} at most {@code (k - 1) / k}
 * (uniform).
 *
 * <p>The bandwidth is a categorical version of the normal reference rule: {@code h = impurity ·
 * n^(-1/(4 + d))}, where the Gini impurity {@code 1 - Σ p_j²} of the {@code n} observed values
 * plays the standard deviation's part (it is 0 when all agree and {@code (k - 1) / k} when they are
 * uniform), clamped to {@code [minBandwidth, (k - 1) / k]}. Values are compared by equality, so
 * layer, input, repeat and categorical or integer value choices are all treated as unordered.
 */
final class CategoricalKernel implements ChoiceKernel {

    private final Choice choice;
    private final int levels;
    private final double bandwidth;
    private final double logSame;
    private final double logOther;
    private final double logPrior;

    private CategoricalKernel(Choice choice, double bandwidth) {
        this.choice = choice;
        this.levels = choice.values().size();
        this.bandwidth = bandwidth;
        this.logSame = Math.log1p(-bandwidth);
        this.logOther = levels > 1 ? Math.log(bandwidth / (levels - 1)) : 0;
        this.logPrior = -Math.log(levels);
    }

    /**
     * Fits the kernel.
     *
     * @param choice a choice with a finite domain
     * @param observed the observed values
     * @param rate {@code n^(-1/(4 + d))}
     * @param minBandwidth the smallest bandwidth
     * @return the kernel
     */
    static CategoricalKernel fit(
            Choice choice, List<Object> observed, double rate, double minBandwidth) {
        int levels = choice.values().size();
        double uniform = (levels - 1) / (double) levels;
        if (observed.isEmpty()) {
            return new CategoricalKernel(choice, uniform);
        }
        Map<Object, Integer> counts = new HashMap<>();
        long sumOfSquares = 0;
        for (Object value : observed) {
            int count = counts.merge(value, 1, Integer::sum);
            sumOfSquares += 2L * count - 1;
        }
        double n = observed.size();
        double impurity = 1 - sumOfSquares / (n * n);
        return new CategoricalKernel(
                choice, Math.min(uniform, Math.max(minBandwidth, impurity * rate)));
    }

    /** Returns the bandwidth {@code h}. */
    double bandwidth() {
        return bandwidth;
    }

    @Override
    public double logProbability(Object value, @Nullable Object center) {
        if (levels == 1) {
            return 0;
        }
        if (center == null) {
            return logPrior;
        }
        return value.equals(center) ? logSame : logOther;
    }

    @Override
    public Object sample(@Nullable Object center, double widening, SplittableRandom random) {
        if (center == null || levels == 1) {
            return center == null ? choice.sampleValue(random) : center;
        }
        double widened = Math.min(bandwidth * widening, (levels - 1) / (double) levels);
        if (random.nextDouble() >= widened) {
            return center;
        }
        Object other;
        do {
            other = choice.sampleValue(random);
        } while (other.equals(center));
        return other;
    }
}
