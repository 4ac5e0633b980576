package org.djlnas.runtime.data.image;

import ai.djl.modality.cv.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.djlnas.runtime.data.image.ImageFolderOptions.ImageSize;
import org.jspecify.annotations.Nullable;

/**
 * Images decoded into memory as bytes, channels first, with their class labels: one copy shared
 * read-only by every data set built on it.
 *
 * @param pixels {@code size × channels × height × width} bytes
 * @param labels the class of each image
 * @param channels 1 or 3
 * @param height the height
 * @param width the width
 */
record DecodedImages(byte[] pixels, int[] labels, int channels, int height, int width) {

    /**
     * Decodes listed files, in parallel, resizing those of another size with DJL's {@link
     * Image#resize}, as a published model's translator does.
     *
     * @param files the files
     * @param labels their classes
     * @param size the size to give every image, or {@code null} for the first image's size
     * @param channels 1 or 3, or {@code null} for 1 when every image is grey and else 3
     * @return the images
     * @throws IllegalArgumentException naming the first file (in list order) that cannot be decoded
     */
    static DecodedImages decode(
            List<Path> files, int[] labels, @Nullable ImageSize size, @Nullable Integer channels) {
        Image first = decode(files.get(0));
        ImageSize target = size != null ? size : new ImageSize(first.getWidth(), first.getHeight());
        int read = channels != null ? channels : 3;
        int length = read * target.width() * target.height();
        byte[] pixels = new byte[files.size() * length];
        AtomicBoolean grey = new AtomicBoolean(true);
        AtomicInteger firstBad = new AtomicInteger(files.size());
        IntStream.range(0, files.size())
                .parallel()
                .forEach(
                        i -> {
                            Optional<Image> decoded =
                                    i == 0 ? Optional.of(first) : tryDecode(files.get(i));
                            if (decoded.isEmpty()) {
                                firstBad.accumulateAndGet(i, Math::min);
                                return;
                            }
                            Image image = resized(decoded.get(), target);
                            if (channels == null && grey.get() && !ImagePixels.isGrey(image)) {
                                grey.set(false);
                            }
                            ImagePixels.read(image, read, pixels, i * length);
                        });
        if (firstBad.get() < files.size()) {
            throw undecodable(files.get(firstBad.get()));
        }
        DecodedImages decoded =
                new DecodedImages(pixels, labels.clone(), read, target.height(), target.width());
        return channels == null && grey.get() ? decoded.firstChannel() : decoded;
    }

    private static Image decode(Path file) {
        return tryDecode(file).orElseThrow(() -> undecodable(file));
    }

    /** Decodes a file, or returns empty if it is not an image DJL's image factory can read. */
    private static Optional<Image> tryDecode(Path file) {
        try {
            return Optional.of(FolderListing.decode(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static IllegalArgumentException undecodable(Path file) {
        return new IllegalArgumentException(
                "the file "
                        + file
                        + " cannot be decoded as an image; expected a readable JPEG, PNG, BMP or"
                        + " GIF file");
    }

    private static Image resized(Image image, ImageSize size) {
        return image.getWidth() == size.width() && image.getHeight() == size.height()
                ? image
                : image.resize(size.width(), size.height(), true);
    }

    /**
     * Returns the number of images.
     *
     * @return the size
     */
    int size() {
        return labels.length;
    }

    /**
     * Returns the bytes of one image.
     *
     * @return {@code channels × height × width}
     */
    int length() {
        return channels * height * width;
    }

    /**
     * Returns some of the images, in the order given.
     *
     * @param indices the images to keep
     * @return a copy holding them
     */
    DecodedImages subset(int[] indices) {
        int length = length();
        byte[] kept = new byte[indices.length * length];
        int[] keptLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * length, kept, i * length, length);
            keptLabels[i] = labels[indices[i]];
        }
        return new DecodedImages(kept, keptLabels, channels, height, width);
    }

    /**
     * Returns the per-channel mean and standard deviation of the pixels on a 0 to 1 scale.
     *
     * @return {@code [mean, std]}, each one value per channel
     */
    double[][] channelStatistics() {
        int area = height * width;
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        for (int i = 0; i < size(); i++) {
            for (int c = 0; c < channels; c++) {
                int from = (i * channels + c) * area;
                long s = 0;
                long q = 0;
                for (int p = 0; p < area; p++) {
                    int v = pixels[from + p] & 0xff;
                    s += v;
                    q += (long) v * v;
                }
                sum[c] += s;
                squares[c] += q;
            }
        }
        double count = (double) size() * area;
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / count;
            mean[c] = m / 255;
            std[c] = Math.sqrt(Math.max(0, squares[c] / count - m * m)) / 255;
        }
        return new double[][] {mean, std};
    }

    private DecodedImages firstChannel() {
        int area = height * width;
        byte[] grey = new byte[size() * area];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(pixels, i * 3 * area, grey, i * area, area);
        }
        return new DecodedImages(grey, labels, 1, height, width);
    }
}
