package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gradient checks of every training step, on the test engine. */
class GradientGuardTest {

    private NDManager manager;
    private Linear layer;
    private List<Parameter> parameters;

    @BeforeEach
    void createLayer() {
        manager = TestEngine.newManager();
        layer = Linear.builder().setUnits(3).build();
        layer.initialize(manager, DataType.FLOAT32, new Shape(2, 4));
        parameters = layer.getParameters().values();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private void backward(float inputValue) {
        NDArray input = manager.full(new Shape(2, 4), inputValue);
        try (GradientCollector collector =
                Engine.getEngine(TestEngine.name()).newGradientCollector()) {
            NDList output =
                    layer.forward(new ParameterStore(manager, false), new NDList(input), true);
            collector.backward(output.singletonOrThrow().sum());
        }
    }

    private int arraysOnTheManager() {
        return manager.getManagedArrays().size();
    }

    @Test
    void tellsFiniteFromNonFiniteGradientsAndClearsThem() {
        backward(1f);
        assertThat(GradientGuard.allFinite(parameters)).isTrue();
        backward(Float.NaN);
        assertThat(GradientGuard.allFinite(parameters)).isFalse();
        GradientGuard.clear(parameters);
        assertThat(GradientGuard.allFinite(parameters)).isTrue();
        for (Parameter parameter : parameters) {
            assertThat(parameter.getArray().getGradient().abs().max().getFloat()).isZero();
        }
    }

    /** Runs once per training step: anything it left on the trial's manager would pile up. */
    @Test
    void leavesNoArrayBehind() {
        backward(1f);
        int before = arraysOnTheManager();
        for (int step = 0; step < 20; step++) {
            GradientGuard.allFinite(parameters);
            GradientGuard.clear(parameters);
        }
        assertThat(arraysOnTheManager()).isEqualTo(before);
    }
}
