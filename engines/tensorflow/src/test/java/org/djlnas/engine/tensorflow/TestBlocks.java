package org.djlnas.engine.tensorflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.djlnas.api.export.GraphBuilder;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.jspecify.annotations.Nullable;

/**
 * Portable test blocks, one per parameter-free operation of {@link GraphBuilder}, each with its DJL
 * forward computed independently of the export: what the exported graph must reproduce.
 */
final class TestBlocks {

    private TestBlocks() {}

    /** A parameter-free block of one input and one output. */
    abstract static class UnaryOperation extends AbstractBlock implements PortableBlock {

        abstract NDArray apply(NDArray input);

        abstract Shape outputShape(Shape input);

        abstract <T> T lower(GraphBuilder<T> graph, T input);

        @Override
        public final <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
            return List.of(lower(lowering.graph(), inputs.get(0)));
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore parameterStore,
                NDList inputs,
                boolean training,
                @Nullable PairList<String, Object> params) {
            return new NDList(apply(inputs.singletonOrThrow()));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {outputShape(inputShapes[0])};
        }
    }

    /** Two branches over the same input, summed or concatenated along the channels. */
    static final class Branches extends AbstractBlock implements PortableBlock {

        private final Block left;
        private final Block right;
        private final boolean concatenate;

        Branches(Block left, Block right, boolean concatenate) {
            this.left = addChildBlock("left", left);
            this.right = addChildBlock("right", right);
            this.concatenate = concatenate;
        }

        @Override
        public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
            T leftOut = lowering.lower(left, inputs).get(0);
            T rightOut = lowering.lower(right, inputs).get(0);
            GraphBuilder<T> graph = lowering.graph();
            return List.of(
                    concatenate
                            ? graph.concatChannels(List.of(leftOut, rightOut))
                            : graph.add(leftOut, rightOut));
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore parameterStore,
                NDList inputs,
                boolean training,
                @Nullable PairList<String, Object> params) {
            NDArray leftOut = left.forward(parameterStore, inputs, training).singletonOrThrow();
            NDArray rightOut = right.forward(parameterStore, inputs, training).singletonOrThrow();
            return new NDList(
                    concatenate
                            ? NDArrays.concat(new NDList(leftOut, rightOut), 1)
                            : leftOut.add(rightOut));
        }

        @Override
        protected void initializeChildBlocks(
                NDManager manager, DataType dataType, Shape... inputShapes) {
            left.initialize(manager, dataType, inputShapes);
            right.initialize(manager, dataType, inputShapes);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape leftShape = left.getOutputShapes(inputShapes)[0];
            if (!concatenate) {
                return new Shape[] {leftShape};
            }
            Shape rightShape = right.getOutputShapes(inputShapes)[0];
            return new Shape[] {
                new Shape(
                        leftShape.get(0),
                        leftShape.get(1) + rightShape.get(1),
                        leftShape.get(2),
                        leftShape.get(3))
            };
        }
    }

    static Block relu() {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                return input.maximum(0f);
            }

            @Override
            Shape outputShape(Shape input) {
                return input;
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.relu(input);
            }
        };
    }

    static Block maxPool(int kernel, int stride, int padding) {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                return Pool.maxPool2d(
                        input,
                        new Shape(kernel, kernel),
                        new Shape(stride, stride),
                        new Shape(padding, padding),
                        false);
            }

            @Override
            Shape outputShape(Shape input) {
                return pooledShape(input, kernel, stride, padding);
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.maxPool(input, kernel, stride, padding);
            }
        };
    }

    /**
     * Average pooling over the positions inside the image only, computed as a sum of the window
     * divided by the count of its real positions (DJL's PyTorch engine always counts padding).
     */
    static Block averagePool(int kernel, int stride, int padding) {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                Shape window = new Shape(kernel, kernel);
                Shape strides = new Shape(stride, stride);
                Shape pads = new Shape(padding, padding);
                NDArray windowMean = Pool.avgPool2d(input, window, strides, pads, false, true);
                Shape shape = input.getShape();
                NDArray ones = input.getManager().ones(new Shape(1, 1, shape.get(2), shape.get(3)));
                NDArray insideFraction = Pool.avgPool2d(ones, window, strides, pads, false, true);
                return windowMean.div(insideFraction);
            }

            @Override
            Shape outputShape(Shape input) {
                return pooledShape(input, kernel, stride, padding);
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.averagePool(input, kernel, stride, padding);
            }
        };
    }

    static Block globalAveragePool() {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                return Pool.globalAvgPool2d(input);
            }

            @Override
            Shape outputShape(Shape input) {
                return new Shape(input.get(0), input.get(1));
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.globalAveragePool(input);
            }
        };
    }

    static Block flatten() {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                return input.reshape(input.getShape().get(0), -1);
            }

            @Override
            Shape outputShape(Shape input) {
                return new Shape(input.get(0), input.size() / input.get(0));
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.flatten(input);
            }
        };
    }

    static Block padBottomRight(int bottom, int right) {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                Shape shape = input.getShape();
                NDArray padded =
                        input.getManager()
                                .zeros(
                                        new Shape(
                                                shape.get(0),
                                                shape.get(1),
                                                shape.get(2) + bottom,
                                                shape.get(3) + right));
                padded.set(new NDIndex(":, :, :{}, :{}", shape.get(2), shape.get(3)), input);
                return padded;
            }

            @Override
            Shape outputShape(Shape input) {
                return new Shape(
                        input.get(0), input.get(1), input.get(2) + bottom, input.get(3) + right);
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.padBottomRight(input, bottom, right);
            }
        };
    }

    static Block cropTopLeft(int top, int left) {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                return input.get(new NDIndex(":, :, {}:, {}:", top, left));
            }

            @Override
            Shape outputShape(Shape input) {
                return new Shape(
                        input.get(0), input.get(1), input.get(2) - top, input.get(3) - left);
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.cropTopLeft(input, top, left);
            }
        };
    }

    static Block zeros(int channels, int stride) {
        return new UnaryOperation() {
            @Override
            NDArray apply(NDArray input) {
                return input.getManager().zeros(outputShape(input.getShape()));
            }

            @Override
            Shape outputShape(Shape input) {
                return new Shape(
                        input.get(0),
                        channels,
                        (input.get(2) + stride - 1) / stride,
                        (input.get(3) + stride - 1) / stride);
            }

            @Override
            <T> T lower(GraphBuilder<T> graph, T input) {
                return graph.zeros(input, channels, stride);
            }
        };
    }

    private static Shape pooledShape(Shape input, int kernel, int stride, int padding) {
        return new Shape(
                input.get(0),
                input.get(1),
                (input.get(2) + 2L * padding - kernel) / stride + 1,
                (input.get(3) + 2L * padding - kernel) / stride + 1);
    }
}
