package org.djlnas.runtime.data;

/**
 * Grey-scale images read from an IDX file, held compactly as one byte per pixel, image after image,
 * row by row.
 */
public final class IdxImages {

    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;

    IdxImages(int count, int rows, int cols, byte[] pixels) {
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(
                    "pixels has "
                            + pixels.length
                            + " bytes; expected count × rows × cols = "
                            + (long) count * rows * cols);
        }
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
    }

    /**
     * Returns the number of images.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * Returns the height of every image.
     *
     * @return the rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the width of every image.
     *
     * @return the columns
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns one pixel's value.
     *
     * @param image the image index
     * @param row the row
     * @param col the column
     * @return the value, 0 to 255
     */
    public int pixel(int image, int row, int col) {
        return Byte.toUnsignedInt(pixels[(int) (((long) image * rows + row) * cols + col)]);
    }

    /** The pixels themselves, shared, never modified. */
    byte[] pixels() {
        return pixels;
    }
}
