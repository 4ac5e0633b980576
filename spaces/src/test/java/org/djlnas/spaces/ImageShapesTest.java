package org.djlnas.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.spaces.baseline.SmallCnnProvider;
import org.djlnas.spaces.darts.DartsProvider;
import org.djlnas.spaces.mobilenet.MobileNetProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image spaces take images of any size and channel count: their networks and supernets classify
 * inputs such as 3×32×32, 1×20×20, 3×48×64, odd sizes and the 8×8 digits.
 */
class ImageShapesTest {

    private static final int CLASSES = 7;

    static Stream<Arguments> spacesAndShapes() {
        Map<SearchSpaceProvider, Map<String, String>> spaces = new java.util.LinkedHashMap<>();
        spaces.put(new SmallCnnProvider(), Map.of());
        spaces.put(new DartsProvider(), Map.of("channels", "4", "layers", "3", "nodes", "2"));
        spaces.put(new NasBench201Provider(), Map.of("channels", "4", "cells", "1"));
        spaces.put(
                new MobileNetProvider(),
                Map.of("stem-width", "8", "widths", "8,16", "strides", "2,2", "head-width", "16"));
        Shape[] shapes = {
            new Shape(3, 32, 32),
            new Shape(1, 20, 20),
            new Shape(3, 48, 64),
            new Shape(1, 8, 8),
            new Shape(3, 15, 17),
            new Shape(1, 28, 28)
        };
        return spaces.entrySet().stream()
                .flatMap(
                        space ->
                                Stream.of(shapes)
                                        .map(
                                                shape ->
                                                        Arguments.of(
                                                                space.getKey(),
                                                                space.getValue(),
                                                                shape)));
    }

    private static SearchSpace space(
            SearchSpaceProvider provider, Map<String, String> given, Shape image) {
        Map<String, String> settings = new HashMap<>(given);
        settings.put("input-channels", Long.toString(image.get(0)));
        settings.put("classes", Integer.toString(CLASSES));
        return SpaceFixtures.space(provider, settings);
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("spacesAndShapes")
    void networksClassifyImagesOfTheShape(
            SearchSpaceProvider provider, Map<String, String> settings, Shape image) {
        SearchSpace space = space(provider, settings, image);
        Shape input = new Shape(2, image.get(0), image.get(1), image.get(2));
        SplittableRandom random = new SplittableRandom(11);
        try (NDManager manager = TestEngine.newManager()) {
            for (int k = 0; k < 3; k++) {
                Architecture architecture = space.choices().sample(random);
                Block block =
                        SpaceFixtures.initialized(space.compile(architecture), manager, input);
                assertClassifies(block, manager, input);
            }
            if (space instanceof OneShotSpace oneShot) {
                ArchitectureWeights alphas =
                        ArchitectureWeights.create(manager, oneShot.searchCells(), 1, 1e-3);
                Block supernet =
                        SpaceFixtures.initialized(oneShot.superNet(alphas), manager, input);
                assertClassifies(supernet, manager, input);
            }
        }
    }

    private static void assertClassifies(Block block, NDManager manager, Shape input) {
        NDList out =
                block.forward(
                        new ParameterStore(manager, false),
                        new NDList(manager.randomNormal(input)),
                        true);
        assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, CLASSES));
        assertThat(block.getOutputShapes(new Shape[] {input})[0]).isEqualTo(new Shape(2, CLASSES));
    }
}
