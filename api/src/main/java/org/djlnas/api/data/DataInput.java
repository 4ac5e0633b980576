package org.djlnas.api.data;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * What one example looks like when it reaches a network: an image, a row of numeric features, or a
 * sequence of token ids.
 */
public sealed interface DataInput permits DataInput.Image, DataInput.Features, DataInput.Tokens {

    /**
     * Returns the shape of one example, without the batch axis.
     *
     * @return the shape
     */
    Shape shape();

    /**
     * An image of float pixels, channels first.
     *
     * @param channels 1 for grey, 3 for RGB
     * @param height the height in pixels
     * @param width the width in pixels
     */
    record Image(int channels, int height, int width) implements DataInput {

        /** Checks the sizes. */
        public Image {
            if (channels < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException(
                        "an image input is "
                                + channels
                                + "×"
                                + height
                                + "×"
                                + width
                                + "; expected positive channels, height and width");
            }
        }

        @Override
        public Shape shape() {
            return new Shape(channels, height, width);
        }
    }

    /**
     * A row of float features, after encoding (standardised numbers, one-hot categories).
     *
     * @param names the encoded features' names, in order (for example {@code age}, {@code
     *     colour=red})
     */
    record Features(List<String> names) implements DataInput {

        /** Checks that there is a feature and copies the names. */
        public Features {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException(
                        "a table input needs at least one feature column");
            }
        }

        @Override
        public Shape shape() {
            return new Shape(names.size());
        }
    }

    /**
     * A sequence of token ids as floats, padded or cut to a fixed length.
     *
     * @param vocabularySize the number of token ids, padding and unknown included
     * @param length the number of tokens per example
     */
    record Tokens(int vocabularySize, int length) implements DataInput {

        /** Checks the sizes. */
        public Tokens {
            if (vocabularySize < 2 || length < 1) {
                throw new IllegalArgumentException(
                        "a token input has a vocabulary of "
                                + vocabularySize
                                + " and length "
                                + length
                                + "; expected a vocabulary of at least 2 and a positive length");
            }
        }

        @Override
        public Shape shape() {
            return new Shape(length);
        }
    }
}
