package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.supernet.OneShotSpace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DARTS, first and second order, on a regression: the supernet learns with the L2 loss and each
 * epoch reports RMSE and MAE in the target's units, never accuracy.
 */
@Tag("integration")
class DartsRegressionTest {

    private static final int EPOCHS = 4;

    @TempDir Path folder;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRegressionSearchReportsRmseAndLearnsTheTarget(int order) throws IOException {
        OneShotSpace space = DartsFixtures.tinyNasBench201(1);
        OneShotResult result;
        try (NDManager manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager()) {
            result =
                    new DartsSearch(
                                    DartsFixtures.context(space, 3, EPOCHS),
                                    DartsFixtures.settings(order, -1))
                            .search(
                                    DartsFixtures.regressionData(manager, 64),
                                    folder,
                                    List.of(),
                                    record -> {});
        }
        List<EpochRecord> history = result.history();
        assertThat(history).hasSize(EPOCHS);
        Map<String, Double> last = history.get(EPOCHS - 1).metrics();
        assertThat(last)
                .containsKeys(
                        "trainRmse",
                        "trainMae",
                        "validationRmse",
                        "validationMae",
                        "validationLoss")
                .doesNotContainKeys("trainAccuracy", "validationAccuracy");
        // Predicting the mean has an RMSE of the target's deviation, 1/√3 ≈ 0.577.
        double deviation = DartsFixtures.BRIGHTNESS.scale();
        System.out.printf(
                "DARTS order %d on a regression: validation RMSE by epoch %s (mean predictor"
                        + " %.3f)%n",
                order,
                history.stream().map(r -> r.metrics().get("validationRmse")).toList(),
                deviation);
        assertThat(last.get("validationRmse")).isLessThan(0.8 * deviation);
        assertThat(last.get("validationMae")).isLessThan(last.get("validationRmse"));
        assertThat(space.validate(result.architecture())).isEqualTo(result.architecture());
        assertThat(Metrics.RMSE).isEqualTo(DartsFixtures.BRIGHTNESS.objective());
    }
}
