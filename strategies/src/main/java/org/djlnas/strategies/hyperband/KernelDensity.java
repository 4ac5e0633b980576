package org.djlnas.strategies.hyperband;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.jspecify.annotations.Nullable;

/**
 * A kernel density estimate over the architectures of a space: the mean over the observations of a
 * product kernel, one {@link ChoiceKernel} per choice, each with a bandwidth fitted to these
 * observations.
 *
 * <p>The product runs over the choices the evaluated architecture reaches, so the estimate is the
 * probability of drawing that architecture by walking the choice tree and drawing each reached
 * choice from its kernel around the observation's value, or from the choice's uniform prior where
 * the observation does not reach the choice. {@link #sample} draws exactly that way.
 */
final class KernelDensity {

    private final LabelIndex labels;
    private final List<@Nullable Object[]> observations;
    private final ChoiceKernel[] kernels;

    private KernelDensity(
            LabelIndex labels, List<@Nullable Object[]> observations, ChoiceKernel[] kernels) {
        this.labels = labels;
        this.observations = observations;
        this.kernels = kernels;
    }

    /**
     * Fits an estimate to observations.
     *
     * @param labels the space's choices
     * @param observations the encoded observations, at least one
     * @param minBandwidth the smallest bandwidth
     * @param ranges for each choice number, the spread of a continuous choice's values at the
     *     model's budget
     * @return the estimate
     */
    static KernelDensity fit(
            LabelIndex labels,
            List<@Nullable Object[]> observations,
            double minBandwidth,
            double[] ranges) {
        ChoiceKernel[] kernels = new ChoiceKernel[labels.size()];
        for (int i = 0; i < kernels.length; i++) {
            List<Object> observed = new ArrayList<>();
            for (@Nullable Object[] observation : observations) {
                if (observation[i] != null) {
                    observed.add(observation[i]);
                }
            }
            kernels[i] =
                    ChoiceKernel.fit(
                            labels.choice(i), observed, labels.size(), minBandwidth, ranges[i]);
        }
        return new KernelDensity(labels, List.copyOf(observations), kernels);
    }

    /**
     * Returns the log of the estimate at an architecture.
     *
     * @param architecture an encoded architecture of the space
     * @return the log-density
     */
    double logDensity(@Nullable Object[] architecture) {
        double[] perObservation = new double[observations.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < perObservation.length; j++) {
            @Nullable Object[] observation = observations.get(j);
            double sum = 0;
            for (int i = 0; i < architecture.length; i++) {
                Object value = architecture[i];
                if (value != null) {
                    sum += kernels[i].logProbability(value, observation[i]);
                }
            }
            perObservation[j] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (double value : perObservation) {
            total += Math.exp(value - max);
        }
        return max + Math.log(total / perObservation.length);
    }

    /**
     * Draws an architecture: picks an observation uniformly, then walks the choice tree drawing
     * each reached choice from its kernel around the observation's value.
     *
     * @param widening the factor the bandwidths are multiplied by while drawing
     * @param random the random source
     * @return a valid architecture of the space
     */
    Architecture sample(double widening, SplittableRandom random) {
        @Nullable Object[] center = observations.get(random.nextInt(observations.size()));
        Map<String, Object> values = new TreeMap<>();
        for (Choice root : labels.tree().roots()) {
            sampleSubtree(root, center, widening, random, values);
        }
        return Architecture.of(values);
    }

    private void sampleSubtree(
            Choice choice,
            @Nullable Object[] center,
            double widening,
            SplittableRandom random,
            Map<String, Object> values) {
        int i = labels.indexOf(choice);
        Object value = kernels[i].sample(center[i], widening, random);
        values.put(choice.label(), value);
        for (Choice child : choice.children(value)) {
            sampleSubtree(child, center, widening, random, values);
        }
    }
}
