package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.spaces.darts.DartsProvider;
import org.djlnas.spaces.mobilenet.MobileNetProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exports compiled networks of the DARTS, NAS-Bench-201 and MobileNet spaces, sampled at random and
 * shrunk to test size, and checks that DJL's TensorFlow engine computes what PyTorch computes.
 */
@Tag("integration")
class SpaceExportTest {

    private static final Shape IMAGE = new Shape(3, 16, 16);
    private static final int ARCHITECTURES_PER_SPACE = 3;

    /** Two small stages, one of stride 2: depthwise convolutions, SE, ReLU6 and shortcuts. */
    private static final Map<String, String> MOBILENET =
            Map.of("stem-width", "8", "widths", "8,16", "strides", "1,2", "head-width", "16");

    static Stream<Arguments> architectures() {
        return Stream.of(
                        space(new NasBench201Provider(), Map.of("channels", "4", "cells", "1")),
                        space(
                                new DartsProvider(),
                                Map.of("channels", "4", "layers", "3", "nodes", "3")),
                        space(new MobileNetProvider(), MOBILENET))
                .flatMap(
                        space -> {
                            SplittableRandom random = new SplittableRandom(2026);
                            return Stream.generate(() -> space.sample(random))
                                    .limit(ARCHITECTURES_PER_SPACE)
                                    .map(architecture -> Arguments.of(space, architecture));
                        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("architectures")
    void tensorFlowComputesWhatPyTorchComputes(
            SearchSpace space, Architecture architecture, @TempDir Path directory)
            throws Exception {
        ExportComparison.Result result =
                ExportComparison.compare(space.compile(architecture), IMAGE, 2, directory);
        System.out.printf(
                "max |PyTorch - TensorFlow| = %.3g: %s %s%n",
                result.maxAbsoluteDifference(), space.id(), architecture);
        assertThat(result.tensorFlowShape()).isEqualTo(result.pyTorchShape());
        assertThat(result.maxAbsoluteDifference()).isLessThanOrEqualTo(ExportComparison.TOLERANCE);
    }

    static Stream<Arguments> oddSizedArchitectures() {
        return Stream.of(
                        space(
                                new NasBench201Provider(),
                                Map.of("channels", "4", "cells", "1", "input-channels", "1")),
                        space(
                                new DartsProvider(),
                                Map.of(
                                        "channels", "4",
                                        "layers", "3",
                                        "nodes", "2",
                                        "input-channels", "1")),
                        space(new MobileNetProvider(), withOneChannel(MOBILENET)))
                .map(space -> Arguments.of(space, space.sample(new SplittableRandom(7))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oddSizedArchitectures")
    void imagesOfOddSizeExportToo(
            SearchSpace space, Architecture architecture, @TempDir Path directory)
            throws Exception {
        ExportComparison.Result result =
                ExportComparison.compare(
                        space.compile(architecture), new Shape(1, 15, 17), 2, directory);
        assertThat(result.tensorFlowShape()).isEqualTo(result.pyTorchShape());
        assertThat(result.maxAbsoluteDifference()).isLessThanOrEqualTo(ExportComparison.TOLERANCE);
    }

    private static Map<String, String> withOneChannel(Map<String, String> settings) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.put("input-channels", "1");
        return copy;
    }

    private static SearchSpace space(SearchSpaceProvider provider, Map<String, String> settings) {
        return provider.create(
                Settings.resolve("space '" + provider.id() + "'", provider.settings(), settings),
                OpRegistry.discover());
    }
}
