package org.djlnas.runtime.data.image;

import ai.djl.modality.cv.Image;
import java.awt.image.BufferedImage;

/**
 * Reads a decoded image's pixels as 8-bit values, channels first, the way DJL's {@code
 * Image.toNDArray(manager, flag)} reads a {@link BufferedImage}, so that training sees the same
 * values as a published model's translator: a grey image ({@code TYPE_BYTE_GRAY}) gives its raw
 * values, any other image its sRGB values, and grey from colour is {@code round(0.299 R + 0.587 G +
 * 0.114 B)}. It needs no engine.
 */
final class ImagePixels {

    private ImagePixels() {}

    /**
     * Writes an image's pixels into {@code target}, channels first.
     *
     * @param image the image, decoded by DJL's image factory on the JVM
     * @param channels 1 for grey, 3 for RGB
     * @param target the array to write {@code channels × height × width} bytes into
     * @param offset where the image starts in {@code target}
     */
    static void read(Image image, int channels, byte[] target, int offset) {
        BufferedImage buffered = buffered(image);
        int width = buffered.getWidth();
        int height = buffered.getHeight();
        int area = width * height;
        if (buffered.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int[] grey = buffered.getData().getPixels(0, 0, width, height, (int[]) null);
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < area; p++) {
                    target[offset + c * area + p] = (byte) grey[p];
                }
            }
            return;
        }
        int[] argb = buffered.getRGB(0, 0, width, height, null, 0, width);
        for (int p = 0; p < area; p++) {
            int red = (argb[p] >> 16) & 0xff;
            int green = (argb[p] >> 8) & 0xff;
            int blue = argb[p] & 0xff;
            if (channels == 1) {
                target[offset + p] = (byte) grey(red, green, blue);
            } else {
                target[offset + p] = (byte) red;
                target[offset + area + p] = (byte) green;
                target[offset + 2 * area + p] = (byte) blue;
            }
        }
    }

    /**
     * Returns whether every pixel of an image is grey (equal red, green and blue).
     *
     * @param image the image
     * @return whether it holds no colour
     */
    static boolean isGrey(Image image) {
        BufferedImage buffered = buffered(image);
        if (buffered.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return true;
        }
        int width = buffered.getWidth();
        int[] argb = buffered.getRGB(0, 0, width, buffered.getHeight(), null, 0, width);
        for (int pixel : argb) {
            int red = (pixel >> 16) & 0xff;
            if (red != ((pixel >> 8) & 0xff) || red != (pixel & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** DJL's grey value of a colour. */
    static int grey(int red, int green, int blue) {
        return Math.round(red * 0.299f + green * 0.587f + blue * 0.114f);
    }

    private static BufferedImage buffered(Image image) {
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            return buffered;
        }
        throw new IllegalStateException(
                "image folders are read with DJL's Java image factory, which gives BufferedImages;"
                        + " the factory in use gives "
                        + image.getWrappedImage().getClass().getName());
    }
}
