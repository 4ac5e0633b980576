package org.djlnas.runtime.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.spaces.darts.DartsGenotype;
import org.djlnas.spaces.darts.DartsSpace;
import org.jspecify.annotations.Nullable;

/**
 * Whole small networks of the search spaces, compiled twice (single and double precision) with the
 * same initial weights.
 */
final class NetworkCases {

    /**
     * The NAS-Bench-201 cell whose network diverged with oneDNN's AVX kernels on 2026-11-27 (C=6,
     * one cell per stage).
     */
    static final String DIVERGED_CELL =
            "|avg_pool_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_3x3~2|";

    /**
     * A DARTS genotype with every convolution of the space (separable and dilated, 3x3 and 5x5),
     * factorized reductions and average pooling; no max pooling, whose choices near ties rounding
     * could flip (max pooling is checked on its own).
     */
    static final String DARTS_GENOTYPE =
            "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_5x5', 1), ('dil_conv_3x3', 0),"
                    + " ('skip_connect', 2), ('dil_conv_5x5', 1), ('avg_pool_3x3', 0),"
                    + " ('sep_conv_3x3', 3), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5],"
                    + " reduce=[('avg_pool_3x3', 0), ('sep_conv_5x5', 1), ('dil_conv_3x3', 0),"
                    + " ('skip_connect', 2), ('skip_connect', 1), ('dil_conv_5x5', 0),"
                    + " ('sep_conv_3x3', 3), ('avg_pool_3x3', 2)], reduce_concat=[2, 3, 4, 5])";

    /** The input of every network: a batch of small grey images. */
    static final Shape INPUT = new Shape(8, 1, 16, 16);

    /** The classes every network predicts. */
    static final int CLASSES = 10;

    private NetworkCases() {}

    /**
     * A network to check.
     *
     * @param name what it is
     * @param compile compiles a fresh, uninitialized copy
     */
    record Network(String name, Supplier<Block> compile) {}

    /**
     * Returns the networks: the NAS-Bench-201 network that diverged, and a derived DARTS network.
     *
     * @param plugins the registry the spaces come from
     * @return the networks
     */
    static List<Network> all(Plugins plugins) {
        SearchSpace nasBench =
                plugins.space(
                        "nas-bench-201",
                        Map.of(
                                "channels", "6",
                                "cells", "1",
                                "input-channels", "1",
                                "classes", String.valueOf(CLASSES)));
        var cell = ((BenchmarkStringCodec) nasBench).fromBenchmarkString(DIVERGED_CELL);
        DartsSpace darts =
                (DartsSpace)
                        plugins.space(
                                "darts",
                                Map.of(
                                        "channels", "4",
                                        "layers", "3",
                                        "input-channels", "1",
                                        "classes", String.valueOf(CLASSES)));
        var genotype = DartsGenotype.parse(darts, DARTS_GENOTYPE);
        return List.of(
                new Network(
                        "nas-bench-201 C=6, the cell that diverged", () -> nasBench.compile(cell)),
                new Network(
                        "darts C=4, 3 cells, separable and dilated convolutions",
                        () -> darts.compile(genotype)));
    }

    /**
     * Compiles and initializes a network in a type, with the weights of another copy if given.
     *
     * @param manager where its weights live
     * @param network the network
     * @param type the floating-point type
     * @param weightsOf a copy whose weights to take (cast), or the network's own initialization
     * @return the initialized block, its trainable weights requiring gradients
     */
    static Block initialize(
            NDManager manager, Network network, DataType type, @Nullable Block weightsOf) {
        Block block = network.compile().get();
        block.initialize(manager, type, INPUT);
        if (weightsOf != null) {
            List<Parameter> from = weightsOf.getParameters().values();
            List<Parameter> to = block.getParameters().values();
            for (int i = 0; i < to.size(); i++) {
                try (NDArray cast = from.get(i).getArray().toType(type, true)) {
                    to.get(i).getArray().set(cast.toByteBuffer());
                }
            }
        }
        block.getParameters()
                .values()
                .forEach(p -> p.getArray().setRequiresGradient(p.requiresGradient()));
        return block;
    }

    /**
     * Runs a network forward (training mode) and backward on a weighted sum of its output.
     *
     * @param manager where the results live
     * @param block the initialized network
     * @param input the input, in the network's type
     * @param weights the output weights, in the network's type
     * @return the output, the input gradient, then every trainable weight's gradient
     */
    static NDList run(NDManager manager, Block block, NDArray input, NDArray weights) {
        input.setRequiresGradient(true);
        NDArray output;
        try (var collector = manager.getEngine().newGradientCollector()) {
            output =
                    block.forward(new ParameterStore(manager, false), new NDList(input), true)
                            .singletonOrThrow();
            collector.backward(output.mul(weights).sum());
        }
        NDList results = new NDList(output, input.getGradient());
        results.addAll(gradients(block));
        return results;
    }

    /**
     * Returns the gradients of a block's trainable weights, in parameter order.
     *
     * @param block the block after a backward pass
     * @return the gradients
     */
    static NDList gradients(Block block) {
        NDList gradients = new NDList();
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                gradients.add(p.getArray().getGradient());
            }
        }
        return gradients;
    }
}
