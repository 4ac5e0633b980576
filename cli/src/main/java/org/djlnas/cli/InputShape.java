package org.djlnas.cli;

import ai.djl.ndarray.types.Shape;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The shape of one input image, channels first, as given on the command line: {@code C,H,W}.
 *
 * @param channels C
 * @param height H
 * @param width W
 */
record InputShape(int channels, int height, int width) {

    /**
     * Returns the shape of a batch of one such image.
     *
     * @return {@code (1, C, H, W)}
     */
    Shape batchOfOne() {
        return new Shape(1, channels, height, width);
    }

    @Override
    public String toString() {
        return channels + "," + height + "," + width;
    }

    /** Parses {@code C,H,W}: three positive integers. */
    static final class Converter implements ITypeConverter<InputShape> {

        @Override
        public InputShape convert(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 3) {
                throw malformed(text);
            }
            int[] dims = new int[3];
            for (int i = 0; i < 3; i++) {
                try {
                    dims[i] = Integer.parseInt(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw malformed(text);
                }
                if (dims[i] < 1) {
                    throw malformed(text);
                }
            }
            return new InputShape(dims[0], dims[1], dims[2]);
        }

        private static TypeConversionException malformed(String text) {
            return new TypeConversionException(
                    "'"
                            + text
                            + "' is not an image shape; expected C,H,W: three positive integers,"
                            + " such as 3,32,32");
        }
    }
}
