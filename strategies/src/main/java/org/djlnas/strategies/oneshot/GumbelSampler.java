package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.EdgePath;

/**
 * GDAS's path of one pass (Dong and Yang, 2019, equations 3 to 5): for every edge, Gumbel noise
 * {@code g} from a seeded host generator, the soft sample {@code s = softmax((log_softmax(α) + g) /
 * τ)}, its hard sample {@code k = argmax s} (a draw from {@code softmax(α)}, by the Gumbel-max
 * trick), and the edge computes candidate {@code k} alone, multiplied by the straight-through
 * weight {@code h = s_k − stopgrad(s_k) + 1}: one in value, so the forward pass is the single
 * path's, and {@code ∂s_k/∂α} in the backward pass, so α learns through the one computed operation.
 *
 * <p>The zero candidate is sampled like any other (it outputs zeros, as in GDAS's code); a pass
 * that draws it on an edge gives that edge's α no gradient, since the edge's output does not depend
 * on its weight.
 */
final class GumbelSampler implements PathSampler {

    private final double temperature;
    private final SplittableRandom random;

    /**
     * Creates a sampler.
     *
     * @param temperature τ
     * @param random the noise's generator, which the sampler advances
     */
    GumbelSampler(double temperature, SplittableRandom random) {
        this.temperature = temperature;
        this.random = random;
    }

    @Override
    public Map<String, EdgePath> sample(ArchitectureWeights alphas) {
        Map<String, EdgePath> paths = new LinkedHashMap<>();
        for (String label : alphas.labels()) {
            NDArray alpha = alphas.alpha(label);
            double[] noise = noise(random, (int) alpha.size());
            int index = hardSample(alpha.toFloatArray(), noise);
            float[] single = new float[noise.length];
            for (int i = 0; i < noise.length; i++) {
                single[i] = (float) noise[i];
            }
            NDManager manager = alpha.getManager();
            // 1/τ as an array of the engine's own: a Number operand becomes a scalar array that
            // DJL's PyTorch engine frees right after the operation, while the backward pass of the
            // product still reads it (NaN gradients at random).
            NDArray inverseTemperature = manager.full(alpha.getShape(), (float) (1 / temperature));
            NDArray soft =
                    alpha.logSoftmax(0)
                            .add(manager.create(single))
                            .mul(inverseTemperature)
                            .softmax(0);
            NDArray chosen = soft.get(index);
            paths.put(label, new EdgePath(index, chosen.sub(chosen.stopGradient()).add(1)));
        }
        return paths;
    }

    /**
     * Draws standard Gumbel noise, {@code −log(E)} for {@code E ~ Exp(1)}; a draw that is not
     * finite is drawn again, as GDAS's code does.
     *
     * @param random the generator
     * @param size how many values
     * @return the noise
     */
    static double[] noise(SplittableRandom random, int size) {
        double[] noise = new double[size];
        for (int i = 0; i < size; i++) {
            double value;
            do {
                value = -Math.log(-Math.log1p(-random.nextDouble()));
            } while (!Double.isFinite(value));
            noise[i] = value;
        }
        return noise;
    }

    /**
     * Returns the hard sample, {@code argmax(α + g)}: the argmax of the soft sample at any
     * temperature, since {@code log_softmax} shifts every entry alike and softmax keeps the order.
     * Ties go to the earlier candidate.
     *
     * @param alpha α of the edge
     * @param noise the edge's Gumbel noise
     * @return the candidate's index
     */
    static int hardSample(float[] alpha, double[] noise) {
        int best = 0;
        for (int i = 1; i < alpha.length; i++) {
            if (alpha[i] + noise[i] > alpha[best] + noise[best]) {
                best = i;
            }
        }
        return best;
    }
}
