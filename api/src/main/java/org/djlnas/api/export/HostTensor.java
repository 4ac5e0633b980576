package org.djlnas.api.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * A float tensor held on the Java heap, in row-major order: trained weights on their way to another
 * runtime.
 *
 * @param data the values, row-major
 * @param shape the shape; its product is {@code data.length}
 */
public record HostTensor(float[] data, long[] shape) {

    /**
     * Checks that the shape fits the data.
     *
     * @param data the values, row-major
     * @param shape the shape
     */
    public HostTensor {
        long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (size != data.length) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(shape)
                            + " holds "
                            + size
                            + " values but the data has "
                            + data.length);
        }
    }

    /**
     * Copies an engine's array to the heap.
     *
     * @param array the array, of any floating-point type
     * @return its values as 32-bit floats
     */
    public static HostTensor of(NDArray array) {
        float[] values =
                array.getDataType() == DataType.FLOAT32
                        ? array.toFloatArray()
                        : array.toType(DataType.FLOAT32, false).toFloatArray();
        return new HostTensor(values, array.getShape().getShape());
    }

    /**
     * Returns the size of one axis.
     *
     * @param axis the axis
     * @return its size
     */
    public int dimension(int axis) {
        return Math.toIntExact(shape[axis]);
    }
}
