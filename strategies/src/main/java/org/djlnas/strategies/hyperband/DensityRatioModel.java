package org.djlnas.strategies.hyperband;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.strategy.TrialOutcome;
import org.jspecify.annotations.Nullable;

/**
 * BOHB's TPE-style model of one budget (Falkner et al., "BOHB: Robust and Efficient Hyperparameter
 * Optimization at Scale", ICML 2018, algorithm 2).
 *
 * <p>The {@code N} observations are ranked with {@link OutcomeRanking} (failed ones last). The good
 * density {@code l} is fitted to the best {@code max(minPoints, floor(γ · N))}, the bad density
 * {@code g} to the worst {@code max(minPoints, N - |good|)}; with fewer than {@code 2 · minPoints}
 * observations the two sets overlap, as in the paper. A proposal draws candidates from {@code l}
 * with widened bandwidths and keeps the one with the largest {@code l(x) / g(x)}.
 */
final class DensityRatioModel {

    private final LabelIndex labels;
    private final BohbSettings settings;
    private final KernelDensity good;
    private final KernelDensity bad;

    private DensityRatioModel(
            LabelIndex labels, BohbSettings settings, KernelDensity good, KernelDensity bad) {
        this.labels = labels;
        this.settings = settings;
        this.good = good;
        this.bad = bad;
    }

    /**
     * Fits the model to the observations of one budget.
     *
     * @param labels the space's choices
     * @param settings the model's settings
     * @param observations the outcomes at the budget, at least {@code minPoints + 2}
     * @return the model
     */
    static DensityRatioModel fit(
            LabelIndex labels, BohbSettings settings, List<TrialOutcome> observations) {
        if (observations.size() < settings.minPoints() + 2) {
            throw new IllegalArgumentException(
                    observations.size()
                            + " observations cannot make a model; expected at least "
                            + (settings.minPoints() + 2));
        }
        List<TrialOutcome> ranked = new ArrayList<>(observations);
        ranked.sort(OutcomeRanking.BEST_FIRST);
        List<@Nullable Object[]> encoded = new ArrayList<>();
        for (TrialOutcome outcome : ranked) {
            encoded.add(labels.encode(outcome.spec().architecture()));
        }
        int n = encoded.size();
        int goodCount = Math.max(settings.minPoints(), (int) (settings.topFraction() * n));
        int badCount = Math.max(settings.minPoints(), n - goodCount);
        double[] ranges = ranges(labels, encoded);
        return new DensityRatioModel(
                labels,
                settings,
                KernelDensity.fit(
                        labels, encoded.subList(0, goodCount), settings.minBandwidth(), ranges),
                KernelDensity.fit(
                        labels, encoded.subList(n - badCount, n), settings.minBandwidth(), ranges));
    }

    /**
     * Returns {@code log(l(x) / g(x))}: greater means more like the good observations.
     *
     * @param architecture a valid architecture of the space
     * @return the log density ratio
     */
    double logRatio(Architecture architecture) {
        @Nullable Object[] encoded = labels.encode(architecture);
        return good.logDensity(encoded) - bad.logDensity(encoded);
    }

    /**
     * Draws {@link BohbSettings#candidates()} candidates from the good density and returns the one
     * with the largest density ratio among those accepted (the first drawn among equals).
     *
     * @param random the random source
     * @param accepted which candidates may be proposed (for example those not yet evaluated at the
     *     budget)
     * @return the best accepted candidate, or empty if none was accepted
     */
    Optional<Architecture> propose(SplittableRandom random, Predicate<Architecture> accepted) {
        Architecture best = null;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < settings.candidates(); i++) {
            Architecture candidate = good.sample(settings.bandwidthFactor(), random);
            if (!accepted.test(candidate)) {
                continue;
            }
            double ratio = logRatio(candidate);
            if (best == null || ratio > bestRatio) {
                best = candidate;
                bestRatio = ratio;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The spread of each continuous choice's values over all observations, or 1 if none. */
    private static double[] ranges(LabelIndex labels, List<@Nullable Object[]> observations) {
        double[] ranges = new double[labels.size()];
        for (int i = 0; i < ranges.length; i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            if (labels.choice(i).isContinuous()) {
                for (@Nullable Object[] observation : observations) {
                    if (observation[i] != null) {
                        double value = ((Number) observation[i]).doubleValue();
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                }
            }
            ranges[i] = max > min ? max - min : 1;
        }
        return ranges;
    }
}
