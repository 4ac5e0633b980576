package org.djlnas.runtime.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One operator checked on its own: an input of a shape, parameters of shapes, and the operation.
 *
 * @param group the kind of operator
 * @param name the case, with its shapes
 * @param input the input's shape
 * @param parameters the parameters' shapes (their gradients are compared too)
 * @param operation the operation on the input and the parameters, in any floating-point type
 */
record OperatorCase(
        String group,
        String name,
        Shape input,
        List<Shape> parameters,
        BiFunction<NDArray, NDList, NDArray> operation) {}
