package org.djlnas.runtime.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A pair of IDX files read into memory: images (one byte per pixel) and their class labels. Shared
 * read-only by every data set view built on it.
 */
public final class LabelledImages {

    private final IdxImages images;
    private final byte[] labels;

    /**
     * Pairs images with labels, checking that they match.
     *
     * @param images the images
     * @param labels one label per image
     * @param classes the number of classes; every label must be below it
     * @param source where the data came from, for messages
     * @throws IdxFormatException if the counts differ or a label is out of range
     */
    LabelledImages(IdxImages images, byte[] labels, int classes, String source)
            throws IdxFormatException {
        if (images.count() != labels.length) {
            throw new IdxFormatException(
                    source
                            + ": "
                            + images.count()
                            + " images but "
                            + labels.length
                            + " labels; the files do not belong together");
        }
        for (int i = 0; i < labels.length; i++) {
            int label = Byte.toUnsignedInt(labels[i]);
            if (label >= classes) {
                throw new IdxFormatException(
                        source
                                + ": label "
                                + i
                                + " is "
                                + label
                                + "; expected a class from 0 to "
                                + (classes - 1));
            }
        }
        this.images = images;
        this.labels = labels;
    }

    /**
     * Reads an image file and its label file.
     *
     * @param imagesFile the IDX images
     * @param labelsFile the IDX labels
     * @param classes the number of classes
     * @return the labelled images
     * @throws java.io.FileNotFoundException if a file does not exist
     * @throws IdxFormatException if a file is corrupt or they do not match
     * @throws IOException on other read errors
     */
    public static LabelledImages read(Path imagesFile, Path labelsFile, int classes)
            throws IOException {
        byte[] labels = IdxReader.readLabels(labelsFile);
        IdxImages images = IdxReader.readImages(imagesFile);
        return new LabelledImages(images, labels, classes, imagesFile + " and " + labelsFile);
    }

    /**
     * Returns the number of examples.
     *
     * @return the size
     */
    public int size() {
        return labels.length;
    }

    /**
     * Returns the height of the images.
     *
     * @return the rows
     */
    public int rows() {
        return images.rows();
    }

    /**
     * Returns the width of the images.
     *
     * @return the columns
     */
    public int cols() {
        return images.cols();
    }

    /**
     * Returns an example's class.
     *
     * @param index the example
     * @return its class
     */
    public int label(int index) {
        return Byte.toUnsignedInt(labels[index]);
    }

    /**
     * Returns the images.
     *
     * @return the images
     */
    public IdxImages images() {
        return images;
    }

    byte[] pixels() {
        return images.pixels();
    }
}
