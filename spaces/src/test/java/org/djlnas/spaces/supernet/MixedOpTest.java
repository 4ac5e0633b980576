package org.djlnas.spaces.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.space.ReluProbe;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.EdgePath;
import org.djlnas.api.supernet.MixedOp;
import org.djlnas.api.supernet.SearchCell;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class MixedOpTest {

    private static final String EDGE = "cell/node1/from0";

    private static final int CHANNELS = 3;

    private static final Shape INPUT = new Shape(2, CHANNELS, 5, 5);

    private static final OpRegistry OPS = OpRegistry.discover();

    /** One edge mixing none, skip_connect and avg_pool_3x3. */
    private static final SearchCell CELL =
            new SearchCell(
                    Cell.builder()
                            .setLabel("cell")
                            .setNodes(1)
                            .setOperations(List.of("skip_connect", "avg_pool_3x3"))
                            .build(),
                    List.of("none", "skip_connect", "avg_pool_3x3"),
                    "none");

    private static ArchitectureWeights weights(NDManager manager, double... probabilities) {
        ArchitectureWeights weights = ArchitectureWeights.create(manager, List.of(CELL), 0, 1e-3);
        weights.load(Map.of(EDGE, Arrays.stream(probabilities).map(Math::log).toArray()));
        return weights;
    }

    private static Block op(String name) {
        return OPS.create(name, new OpContext(CHANNELS, 1, false));
    }

    private static NDArray forward(Block block, NDManager manager, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), true)
                .singletonOrThrow();
    }

    /** The blocks of the non-zero candidates, after null for the zero candidate. */
    private static List<Block> candidates(Block skip, Block pool) {
        return Arrays.asList(null, skip, pool);
    }

    @Test
    void loadedWeightsGiveTheirSoftmaxAsProbabilities() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);

            assertThat(weights.probabilities().get(EDGE))
                    .containsExactly(new double[] {0.5, 0.3, 0.2}, within(1e-6));
            assertThat(weights.values().get(EDGE)[0]).isCloseTo(Math.log(0.5), within(1e-6));
            assertThat(weights.alpha(EDGE).hasGradient()).isTrue();
        }
    }

    @Test
    void outputIsTheWeightedSumOfTheComputedCandidates() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);
            Block mixed =
                    SpaceFixtures.initialized(
                            new MixedOp(
                                    EDGE,
                                    weights,
                                    candidates(op("skip_connect"), op("avg_pool_3x3"))),
                            manager,
                            INPUT);
            Block pool = SpaceFixtures.initialized(op("avg_pool_3x3"), manager, INPUT);
            NDArray x = manager.randomNormal(INPUT);

            NDArray out = forward(mixed, manager, x);
            NDArray expected = x.mul(0.3f).add(forward(pool, manager, x).mul(0.2f));

            assertThat(out.getShape()).isEqualTo(INPUT);
            assertThat(mixed.getOutputShapes(new Shape[] {INPUT})).containsExactly(INPUT);
            assertThat(out.allClose(expected, 1e-5, 1e-6, false)).isTrue();
        }
    }

    private static Block countingIdentity(AtomicInteger calls) {
        return new LambdaBlock(
                in -> {
                    calls.incrementAndGet();
                    return in;
                });
    }

    @Test
    void zeroCandidateTakesItsShareButIsNeverComputed() {
        try (NDManager manager = TestEngine.newManager()) {
            AtomicInteger skipCalls = new AtomicInteger();
            AtomicInteger poolCalls = new AtomicInteger();
            ArchitectureWeights weights = weights(manager, 0.98, 0.01, 0.01);
            Block mixed =
                    SpaceFixtures.initialized(
                            new MixedOp(
                                    EDGE,
                                    weights,
                                    candidates(
                                            countingIdentity(skipCalls),
                                            countingIdentity(poolCalls))),
                            manager,
                            INPUT);
            NDArray x = manager.randomNormal(INPUT);
            // Initialization may run the lambdas to infer shapes: count the forward pass only.
            skipCalls.set(0);
            poolCalls.set(0);

            NDArray out = forward(mixed, manager, x);

            assertThat(skipCalls).hasValue(1);
            assertThat(poolCalls).hasValue(1);
            assertThat(out.allClose(x.mul(0.02f), 1e-5, 1e-7, false)).isTrue();
        }
    }

    @Test
    void aChosenPathComputesOnlyItsCandidateScaledByItsWeight() {
        try (NDManager manager = TestEngine.newManager()) {
            AtomicInteger skipCalls = new AtomicInteger();
            AtomicInteger poolCalls = new AtomicInteger();
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);
            Block mixed =
                    SpaceFixtures.initialized(
                            new MixedOp(
                                    EDGE,
                                    weights,
                                    candidates(
                                            countingIdentity(skipCalls),
                                            countingIdentity(poolCalls))),
                            manager,
                            INPUT);
            NDArray x = manager.randomNormal(INPUT);
            skipCalls.set(0);
            poolCalls.set(0);

            weights.choosePaths(Map.of(EDGE, new EdgePath(2, manager.create(3f))));
            NDArray scaled = forward(mixed, manager, x);
            weights.choosePaths(Map.of(EDGE, EdgePath.of(1)));
            NDArray plain = forward(mixed, manager, x);
            weights.clearPaths();
            NDArray mixture = forward(mixed, manager, x);

            assertThat(scaled.allClose(x.mul(3f), 1e-5, 1e-6, false)).isTrue();
            assertThat(plain.allClose(x, 1e-6, 1e-7, false)).isTrue();
            assertThat(mixture.allClose(x.mul(0.5f), 1e-5, 1e-6, false)).isTrue();
            assertThat(skipCalls).hasValue(2);
            assertThat(poolCalls).hasValue(2);
        }
    }

    @Test
    void anArchitecturesPathComputesItsOperationAndZeroPathsGiveZeros() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);
            Block mixed =
                    SpaceFixtures.initialized(
                            new MixedOp(
                                    EDGE,
                                    weights,
                                    candidates(op("skip_connect"), op("avg_pool_3x3"))),
                            manager,
                            INPUT);
            Block pool = SpaceFixtures.initialized(op("avg_pool_3x3"), manager, INPUT);
            NDArray x = manager.randomNormal(INPUT);

            weights.choosePaths(Architecture.of(Map.of(EDGE, "avg_pool_3x3")));
            NDArray pooled = forward(mixed, manager, x);
            weights.choosePaths(Map.of(EDGE, EdgePath.of(0)));
            NDArray zeroCandidate = forward(mixed, manager, x);
            weights.choosePaths(Map.of(EDGE, EdgePath.zero()));
            NDArray zero = forward(mixed, manager, x);

            assertThat(pooled.allClose(forward(pool, manager, x), 1e-5, 1e-6, false)).isTrue();
            assertThat(zeroCandidate.getShape()).isEqualTo(INPUT);
            assertThat(zeroCandidate.abs().sum().getFloat()).isZero();
            assertThat(zero.getShape()).isEqualTo(INPUT);
            assertThat(zero.abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void choosingPathsRejectsUnknownCandidatesAndMissingEdges() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);

            assertThatThrownBy(() -> weights.choosePaths(Map.of(EDGE, EdgePath.of(3))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(EDGE)
                    .hasMessageContaining("path candidate 3");
            assertThatThrownBy(() -> weights.choosePaths(Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no path chosen for edges [" + EDGE + "]");
            assertThat(weights.path(EDGE)).isNull();
        }
    }

    @Test
    void rejectsAWrongNumberOfCandidateBlocks() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);

            assertThatThrownBy(
                            () ->
                                    new MixedOp(
                                            EDGE, weights, Arrays.asList(null, op("skip_connect"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(EDGE)
                    .hasMessageContaining("2 candidate blocks");
        }
    }

    @Test
    void rejectsABlockForTheZeroCandidateAndNoBlockForAnother() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);
            List<Block> blockForZero = List.of(op("none"), op("skip_connect"), op("avg_pool_3x3"));
            List<Block> missingBlock = candidates(op("skip_connect"), null);

            assertThatThrownBy(() -> new MixedOp(EDGE, weights, blockForZero))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'none' must have no block");
            assertThatThrownBy(() -> new MixedOp(EDGE, weights, missingBlock))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'avg_pool_3x3' must have a block");
        }
    }

    @Test
    void rejectsAnUnknownEdge() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);

            assertThatThrownBy(
                            () ->
                                    new MixedOp(
                                            "cell/node2/from0",
                                            weights,
                                            candidates(op("skip_connect"), op("avg_pool_3x3"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cell/node2/from0")
                    .hasMessageContaining(EDGE);
        }
    }

    @Test
    void loadRejectsMissingEdgesAndWrongLengths() {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = weights(manager, 0.5, 0.3, 0.2);

            assertThatThrownBy(() -> weights.load(Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing")
                    .hasMessageContaining(EDGE);
            assertThatThrownBy(() -> weights.load(Map.of(EDGE, new double[2])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(EDGE)
                    .hasMessageContaining("2 values; expected 3");
        }
    }

    @Test
    void cellsMayNotShareAnEdgeLabel() {
        try (NDManager manager = TestEngine.newManager()) {
            assertThatThrownBy(() -> ArchitectureWeights.create(manager, List.of(CELL, CELL), 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(EDGE);
        }
    }

    @Test
    void candidatesStartingWithAReluOfTheInputShareOneAndGiveTheSameSum() {
        // A reduction edge: separable and dilated convolutions and factorized reduce (the skip of
        // stride 2) all start with a ReLU of the edge's input.
        SearchCell cell =
                new SearchCell(
                        Cell.builder()
                                .setLabel("cell")
                                .setNodes(1)
                                .setOperations(List.of("sep_conv_3x3", "dil_conv_3x3"))
                                .build(),
                        List.of("none", "sep_conv_3x3", "dil_conv_3x3", "skip_connect"),
                        "none");
        Shape input = new Shape(2, CHANNELS, 6, 6);
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights = ArchitectureWeights.create(manager, List.of(cell), 0, 1);
            List<Block> blocks = new ArrayList<>();
            for (String name : List.of("sep_conv_3x3", "dil_conv_3x3", "skip_connect")) {
                blocks.add(OPS.create(name, new OpContext(CHANNELS, 2, false)));
            }
            List<Block> candidates = new ArrayList<>(Arrays.asList((Block) null));
            candidates.addAll(blocks);
            Block mixed =
                    SpaceFixtures.initialized(
                            new MixedOp(EDGE, weights, candidates), manager, input);
            NDArray x = manager.randomNormal(input);
            List<NDArray> relus = new ArrayList<>();

            NDArray out =
                    mixed.forward(new ReluProbe(manager, relus::add), new NDList(x), false)
                            .singletonOrThrow();

            // Four ReLUs (one per candidate's start and the separable convolution's second), of
            // which the three of the input are one array.
            assertThat(relus).hasSize(4);
            IdentityHashMap<NDArray, Boolean> distinct = new IdentityHashMap<>();
            relus.forEach(r -> distinct.put(r, true));
            assertThat(distinct).hasSize(2);
            // The same values as each candidate computed on its own (a block outside its mixture
            // computes its own ReLU).
            double[] p = weights.probabilities().get(EDGE);
            NDArray expected = null;
            for (int i = 0; i < blocks.size(); i++) {
                NDArray term =
                        blocks.get(i)
                                .forward(new ParameterStore(manager, false), new NDList(x), false)
                                .singletonOrThrow()
                                .mul((float) p[i + 1]);
                expected = expected == null ? term : expected.add(term);
            }
            assertThat(out.allClose(expected, 1e-5, 1e-6, false)).isTrue();
        }
    }

    @Test
    void softmaxIsStableForLargeValues() {
        assertThat(ArchitectureWeights.softmax(new double[] {1000, 1000, -1000}))
                .containsExactly(new double[] {0.5, 0.5, 0}, within(1e-12));
    }
}
