package org.djlnas.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.djlnas.api.data.DataSource;

/**
 * An image classification data source whose pixels are normalised per channel. Records are a float
 * image of shape {@link #inputShape()} and a float scalar class label.
 */
public interface ImageDataSource extends DataSource {

    @Override
    Shape inputShape();

    @Override
    List<String> classNames();

    /**
     * Returns the number of classes.
     *
     * @return the number of classes
     */
    default int classes() {
        return classNames().size();
    }

    /**
     * Returns how pixels are normalised before they reach a network: {@code (v/255 − mean[c]) /
     * std[c]} per channel, so that a program that deploys a trained network prepares its images the
     * same way.
     *
     * @return the per-channel mean and standard deviation
     */
    PixelNormalization normalization();
}
