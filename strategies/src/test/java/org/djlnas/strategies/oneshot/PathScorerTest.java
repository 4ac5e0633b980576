package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.supernet.OneShotSpace;
import org.junit.jupiter.api.Test;

class PathScorerTest {

    private static final int BATCH = 16;

    @Test
    void aPathsScoreDependsOnItsPathAloneAndClosingPutsTheTrainedStatisticsBack() {
        OneShotSpace space = DartsFixtures.tinyNasBench201();
        try (Supernet supernet =
                Supernet.create(
                        space,
                        DartsFixtures.ENGINE,
                        new Shape(BATCH, 1, DartsFixtures.SIDE, DartsFixtures.SIDE),
                        3,
                        DartsFixtures.THREE_CLASSES)) {
            var manager = supernet.weights().get(0).getManager();
            List<Batch> recalibration =
                    List.of(
                            DartsFixtures.batch(manager, BATCH, 1),
                            DartsFixtures.batch(manager, BATCH, 2));
            List<Batch> validation = List.of(DartsFixtures.batch(manager, BATCH, 3));
            List<float[]> trained = host(supernet.runningStatistics());
            SplittableRandom random = new SplittableRandom(9);
            Architecture first = space.sample(random);
            Architecture second = space.sample(random);

            PathScorer scorer =
                    new PathScorer(
                            supernet, DartsFixtures.THREE_CLASSES, recalibration, validation);
            BatchTotals firstScore = scorer.score(first);
            List<float[]> recalibrated = host(supernet.runningStatistics());
            scorer.score(second);
            BatchTotals firstAgain = scorer.score(first);
            scorer.close();

            assertThat(firstAgain.meanLoss()).isEqualTo(firstScore.meanLoss());
            assertThat(firstAgain.metrics()).isEqualTo(firstScore.metrics());
            assertThat(changed(trained, recalibrated)).isPositive().isLessThan(trained.size());
            assertThat(changed(trained, host(supernet.runningStatistics()))).isZero();
            assertThat(supernet.alphas().labels())
                    .allSatisfy(label -> assertThat(supernet.alphas().path(label)).isNull());
        }
    }

    private static List<float[]> host(List<NDArray> arrays) {
        return arrays.stream().map(NDArray::toFloatArray).toList();
    }

    private static int changed(List<float[]> before, List<float[]> after) {
        int count = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
                count++;
            }
        }
        return count;
    }
}
