package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.djlnas.api.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reptile's outer step on small arrays, and its settings. */
class ReptileUpdateTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void movesTheMetaParametersAFractionEpsilonTowardTheAdaptedOnes() {
        NDArray meta = manager.create(new float[] {0, 4, -2});
        NDArray alpha = manager.create(new float[] {1, 1});
        NDArray adapted = manager.create(new float[] {4, 8, 2});
        NDArray adaptedAlpha = manager.create(new float[] {3, -1});

        ReptileUpdate.apply(List.of(meta, alpha), List.of(adapted, adaptedAlpha), 0.25);

        assertThat(meta.toFloatArray()).containsExactly(1f, 5f, -1f);
        assertThat(alpha.toFloatArray()).containsExactly(1.5f, 0.5f);
        assertThat(adapted.toFloatArray()).containsExactly(4f, 8f, 2f);
    }

    @Test
    void epsilonOneTakesTheAdaptedParametersAndRepeatedStepsConverge() {
        NDArray meta = manager.create(new float[] {0, 4});
        NDArray adapted = manager.create(new float[] {2, 2});

        ReptileUpdate.apply(List.of(meta), List.of(adapted), 0.5);
        assertThat(meta.toFloatArray()).containsExactly(1f, 3f);
        ReptileUpdate.apply(List.of(meta), List.of(adapted), 0.5);
        assertThat(meta.toFloatArray()).containsExactly(1.5f, 2.5f);
        ReptileUpdate.apply(List.of(meta), List.of(adapted), 1);
        assertThat(meta.toFloatArray()).containsExactly(2f, 2f);
    }

    @Test
    void refusesListsOfDifferentLengths() {
        NDArray one = manager.create(new float[] {0});
        assertThatThrownBy(() -> ReptileUpdate.apply(List.of(one), List.of(), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNameTheBadField() {
        Settings darts = Settings.defaults("strategy", DartsSettings.specs(1));
        assertThatThrownBy(() -> new ReptileSettings(0, 5, 0.5, darts))
                .hasMessage("`metaIterations` is 0; expected >= 1");
        assertThatThrownBy(() -> new ReptileSettings(3, 0, 0.5, darts))
                .hasMessage("`innerSteps` is 0; expected >= 1");
        assertThatThrownBy(() -> new ReptileSettings(3, 5, 0, darts))
                .hasMessage("`metaStepSize` is 0.0; expected a number in (0, 1]");
        assertThatThrownBy(() -> new ReptileSettings(3, 5, 1.5, darts))
                .hasMessage("`metaStepSize` is 1.5; expected a number in (0, 1]");
        Settings secondOrder =
                Settings.resolve("strategy", DartsSettings.specs(1), Map.of("order", "2"));
        assertThatThrownBy(() -> new ReptileSettings(3, 5, 0.5, secondOrder))
                .hasMessageContaining("expected 1");
    }
}
