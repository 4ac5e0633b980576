package org.djlnas.runtime.data;

/**
 * How a data set normalises pixels scaled to [0, 1]: {@code (v/255 − mean[c]) / std[c]} for channel
 * {@code c}.
 *
 * @param mean the mean of each channel
 * @param std the standard deviation of each channel
 */
public record PixelNormalization(float[] mean, float[] std) {

    /**
     * Checks that there is one positive deviation per mean and copies the arrays.
     *
     * @param mean the mean of each channel
     * @param std the standard deviation of each channel
     */
    public PixelNormalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException(
                    "normalisation needs one mean and one deviation per channel; got "
                            + mean.length
                            + " means and "
                            + std.length
                            + " deviations");
        }
        for (float deviation : std) {
            if (!(deviation > 0)) {
                throw new IllegalArgumentException(
                        "standard deviation " + deviation + " is not positive");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }
}
