package org.djlnas.runtime.zerocost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.DoubleBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.engine.mxnet.MxNetSupport;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Synflow on MXNet equals synflow on PyTorch for the same weights. Synflow differentiates the
 * network with batch normalisation in inference mode: DJL's own MXNet collector refuses that mode,
 * and its backward pass would differentiate batch normalisation as in training mode; MXNet's
 * inference-mode collector must give PyTorch's score. In this package (in the MXNet module's tests)
 * to reach {@link ProxyNetwork}: the two engines draw different random weights, so the test copies
 * PyTorch's initial weights into MXNet's network and scores both with {@link Synflow#score}.
 */
@Tag("integration")
class MxNetSynflowTest {

    private static final Shape INPUT = new Shape(3, 32, 32);
    private static final List<String> CELLS =
            List.of(
                    "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|",
                    "|avg_pool_3x3~0|+|nor_conv_1x1~0|none~1|+|nor_conv_3x3~0|avg_pool_3x3~1|skip_connect~2|",
                    "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                    "|none~0|+|skip_connect~0|nor_conv_1x1~1|+|none~0|none~1|nor_conv_3x3~2|");

    @Test
    void synflowOnMxNetEqualsPyTorchsInDoublePrecision() {
        EngineSelector engines = EngineSelector.discover();
        for (Map<String, String> settings :
                List.of(
                        Map.of("channels", "8", "cells", "1"),
                        Map.of("channels", "16", "cells", "5"))) {
            NasBench201Space space = space(settings);
            for (String cell : CELLS) {
                Architecture architecture = space.fromBenchmarkString(cell);
                try (ProxyNetwork pytorch = network(space, architecture, "PyTorch", engines);
                        ProxyNetwork mxnet =
                                network(space, architecture, MxNetSupport.ENGINE_NAME, engines)) {
                    Block pytorchBlock = pytorch.initialized(DataType.FLOAT64, 1);
                    Block mxnetBlock = mxnet.initialized(DataType.FLOAT64, 1);
                    copyParameters(pytorchBlock, mxnetBlock);
                    double expected = Synflow.score(pytorch, pytorchBlock);
                    double actual = Synflow.score(mxnet, mxnetBlock);
                    System.out.printf(
                            "synflow %s %s: PyTorch %.17g MXNet %.17g relative difference %.2g%n",
                            settings, cell, expected, actual, Math.abs(actual / expected - 1));
                    // withinPercentage(1e-4): a relative difference of at most 1e-6
                    assertThat(actual).as(cell).isCloseTo(expected, withinPercentage(1e-4));
                }
            }
        }
    }

    private static ProxyNetwork network(
            NasBench201Space space,
            Architecture architecture,
            String engine,
            EngineSelector engines) {
        return new ProxyNetwork(
                space,
                architecture,
                7,
                engine,
                engines,
                DeviceChoice.forEngine(engine),
                INPUT,
                Optional.empty());
    }

    /** Copies every parameter (weights, biases, batch norm's) of one network into the other. */
    private static void copyParameters(Block from, Block to) {
        Iterator<Pair<String, Parameter>> target = to.getParameters().iterator();
        for (Pair<String, Parameter> source : from.getParameters()) {
            Pair<String, Parameter> destination = target.next();
            assertThat(destination.getKey()).isEqualTo(source.getKey());
            NDArray value = source.getValue().getArray();
            NDArray copy = destination.getValue().getArray();
            assertThat(copy.getShape()).as(source.getKey()).isEqualTo(value.getShape());
            copy.set(DoubleBuffer.wrap(value.toDoubleArray()));
        }
        assertThat(target.hasNext()).isFalse();
    }

    private static NasBench201Space space(Map<String, String> settings) {
        NasBench201Provider spaces = new NasBench201Provider();
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("input-channels", "3");
        all.put("classes", "10");
        return (NasBench201Space)
                spaces.create(
                        Settings.resolve("space", spaces.settings(), all), OpRegistry.discover());
    }
}
