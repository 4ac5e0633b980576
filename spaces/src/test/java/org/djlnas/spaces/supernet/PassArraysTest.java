package org.djlnas.spaces.supernet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellBlock;
import org.djlnas.api.cell.CellOutput;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.EdgePath;
import org.djlnas.api.supernet.MixedOp;
import org.djlnas.api.supernet.MixingForm;
import org.djlnas.api.supernet.SearchCell;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * A cell's and a single path's forward pass leave open only their output: the intermediate arrays
 * are let go of as soon as they are used, so that a pass holds (besides what the gradient tape
 * keeps) only what is still to be read.
 */
class PassArraysTest {

    private static final Shape INPUT = new Shape(2, 3, 4, 4);

    private static final String EDGE = "cell/node1/from0";

    /** One node with one edge, {@value #EDGE}, whose candidates are none, a skip and the chain. */
    private static SearchCell oneEdgeCell() {
        return new SearchCell(
                Cell.builder()
                        .setLabel("cell")
                        .setNodes(1)
                        .setOperations(List.of("skip_connect", "chain"))
                        .build(),
                List.of("none", "skip_connect", "chain"),
                "none");
    }

    /** {@code −√(exp(x))}: two intermediate arrays and the output. */
    private static Block chain() {
        return new LambdaBlock(in -> new NDList(in.head().exp().sqrt().neg()));
    }

    @Test
    void aSinglePathLeavesOnlyItsOutputInTheEnclosingScope() {
        SearchCell searchCell = oneEdgeCell();
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights weights =
                    ArchitectureWeights.create(manager, List.of(searchCell), 0, 1e-3);
            Block mixed =
                    SpaceFixtures.initialized(
                            new MixedOp(EDGE, weights, Arrays.asList(null, identity(), chain())),
                            manager,
                            INPUT);
            weights.choosePaths(Map.of(EDGE, EdgePath.of(2)));
            try (NDManager pass = manager.newSubManager()) {
                NDArray x = pass.randomNormal(INPUT);
                NDArray out;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    out = forward(mixed, manager, new NDList(x));

                    assertThat(pass.getManagedArrays()).hasSize(2);
                    assertThat(out.allClose(x.exp().sqrt().neg(), 1e-5, 1e-6, false)).isTrue();
                }
                assertThat(out.isReleased()).as("closed with the enclosing scope").isTrue();
                assertThat(x.isReleased()).isFalse();

                // The skip connection returns its input, which must stay open.
                weights.choosePaths(Map.of(EDGE, EdgePath.of(1)));
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    assertThat(forward(mixed, manager, new NDList(x))).isSameAs(x);
                }
                assertThat(x.isReleased()).isFalse();
            }
        }
    }

    @Test
    void aMixtureLeavesOnlyItsOutputInTheEnclosingScope() {
        SearchCell searchCell = oneEdgeCell();
        for (MixingForm form : MixingForm.values()) {
            try (NDManager manager = TestEngine.newManager()) {
                ArchitectureWeights weights =
                        ArchitectureWeights.create(manager, List.of(searchCell), 0, 1e-3);
                weights.setMixingForm(form);
                Block mixed =
                        SpaceFixtures.initialized(
                                new MixedOp(
                                        EDGE, weights, Arrays.asList(null, identity(), chain())),
                                manager,
                                INPUT);
                try (NDManager pass = manager.newSubManager()) {
                    NDArray x = pass.randomNormal(INPUT);
                    NDArray out;
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        out = forward(mixed, manager, new NDList(x));

                        // The chain's two intermediate arrays are gone, not only its output
                        // (the stacked form may keep a small array of candidate indices).
                        assertThat(
                                        pass.getManagedArrays().stream()
                                                .filter(a -> a instanceof NDArray)
                                                .map(a -> ((NDArray) a).getShape())
                                                .filter(INPUT::equals))
                                .as("%s", form)
                                .hasSize(2);
                        NDArray w = weights.alpha(EDGE).softmax(0);
                        NDArray expected = x.mul(w.get(1)).add(x.exp().sqrt().neg().mul(w.get(2)));
                        assertThat(out.allClose(expected, 1e-5, 1e-6, false)).isTrue();
                    }
                    assertThat(out.isReleased()).as("closed with the enclosing scope").isTrue();
                    assertThat(x.isReleased()).isFalse();
                }
            }
        }
    }

    /**
     * Two inputs, two nodes; the edges from input 0 return their input as it is (the node states
     * and sums must not close the inputs), the others compute {@code exp(x)} (no intermediate array
     * of their own).
     */
    @Test
    void aCellLeavesOnlyItsInputsAndItsOutputOpen() {
        for (CellOutput output : CellOutput.values()) {
            Cell cell =
                    Cell.builder()
                            .setLabel("cell")
                            .setNodes(2)
                            .optInputs(2)
                            .setOperations(List.of("any"))
                            .optOutput(output)
                            .build();
            CellBlock block =
                    cell.compileMixed(
                            3, 1, (label, stride) -> label.endsWith("from0") ? identity() : exp());
            try (NDManager manager = TestEngine.newManager()) {
                block.initialize(manager, DataType.FLOAT32, INPUT, INPUT);
                NDArray a = manager.randomNormal(INPUT);
                NDArray b = manager.randomNormal(INPUT);
                NDArray out;
                try (NDManager pass = manager.newSubManager()) {
                    NDArray s0 = a.duplicate();
                    NDArray s1 = b.duplicate();
                    s0.attach(pass);
                    s1.attach(pass);

                    out = forward(block, manager, new NDList(s0, s1));

                    assertThat(pass.getManagedArrays()).as("%s", output).hasSize(3);
                    assertThat(s0.isReleased()).isFalse();
                    assertThat(s1.isReleased()).isFalse();
                    NDArray node2 = a.add(f(b));
                    NDArray node3 = a.add(f(b)).add(f(node2));
                    NDArray expected =
                            output == CellOutput.LAST_NODE
                                    ? node3
                                    : NDArrays.concat(new NDList(node2, node3), 1);
                    assertThat(out.allClose(expected, 1e-5, 1e-6, false)).isTrue();
                }
            }
        }
    }

    private static NDArray f(NDArray x) {
        return x.exp();
    }

    private static Block exp() {
        return new LambdaBlock(in -> new NDList(in.head().exp()));
    }

    private static Block identity() {
        return new LambdaBlock(in -> in);
    }

    private static NDArray forward(Block block, NDManager manager, NDList inputs) {
        return block.forward(new ParameterStore(manager, false), inputs, true).singletonOrThrow();
    }
}
