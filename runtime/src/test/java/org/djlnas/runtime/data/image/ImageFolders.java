package org.djlnas.runtime.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.LabelledImages;

/** Writes image folders for tests: synthetic images, and Fashion-MNIST as grey PNG files. */
final class ImageFolders {

    private ImageFolders() {}

    /**
     * Writes a grey image whose pixel (x, y) is {@code (base + x + 3 y) mod 256}.
     *
     * @param file the PNG file to write
     * @param width the width
     * @param height the height
     * @param base the value of the first pixel
     */
    static void grey(Path file, int width, int height, int base) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (base + x + 3 * y) & 0xff);
            }
        }
        write(image, file);
    }

    /**
     * Writes a grey image from its pixels, row by row.
     *
     * @param file the PNG file to write
     * @param width the width
     * @param height the height
     * @param pixels the values, from 0 to 255
     */
    static void grey(Path file, int width, int height, int[] pixels) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, width, height, pixels);
        write(image, file);
    }

    /**
     * Writes a colour image whose red, green and blue vary differently.
     *
     * @param file the PNG file to write
     * @param width the width
     * @param height the height
     * @param base the red value of the first pixel
     */
    static void colour(Path file, int width, int height, int base) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = (base + x) & 0xff;
                int green = (base * 3 + y * 7) & 0xff;
                int blue = (x * y + 11) & 0xff;
                image.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        write(image, file);
    }

    /**
     * Writes a folder of grey images: {@code perClass} images of {@code width × height} in each
     * class, class {@code k}'s image {@code i} starting at value {@code 40 k + i}.
     *
     * @param root the folder
     * @param classes the class names
     * @param perClass images per class
     * @param width the width
     * @param height the height
     * @return the folder
     */
    static Path greyFolder(Path root, List<String> classes, int perClass, int width, int height) {
        for (int k = 0; k < classes.size(); k++) {
            for (int i = 0; i < perClass; i++) {
                grey(
                        root.resolve(classes.get(k)).resolve(String.format("img%03d.png", i)),
                        width,
                        height,
                        40 * k + i);
            }
        }
        return root;
    }

    /**
     * Writes Fashion-MNIST images as grey PNG files, one sub-folder per class, named by the class
     * ({@code T-shirt/top} becomes {@code T-shirt-top}).
     *
     * @param root the folder
     * @param data Fashion-MNIST images
     * @param first the first example to write
     * @param count how many examples to write, in order
     * @return the folder
     */
    static Path fashionMnist(Path root, LabelledImages data, int first, int count) {
        int rows = data.rows();
        int cols = data.cols();
        for (int i = first; i < first + count; i++) {
            BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    image.getRaster().setSample(x, y, 0, data.images().pixel(i, y, x));
                }
            }
            write(
                    image,
                    root.resolve(folderName(data.label(i))).resolve(String.format("%05d.png", i)));
        }
        return root;
    }

    /**
     * Returns the folder name of a Fashion-MNIST class.
     *
     * @param label the class
     * @return its name, with {@code /} replaced by {@code -}
     */
    static String folderName(int label) {
        return FashionMnist.CLASS_NAMES.get(label).replace('/', '-');
    }

    private static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
