package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-estimates batch normalisation's running statistics for the path a supernet computes, as
 * single-path one-shot NAS does before it scores a path with inherited weights (Guo et al., 2020,
 * section 3.3): the statistics the shared weights collected over many paths do not fit any one of
 * them.
 *
 * <p>DJL's {@code BatchNorm} keeps its running mean and variance as parameters and updates each in
 * training mode as {@code s ← m·s + (1 − m)·b}, {@code b} the batch's statistic and {@code m} its
 * momentum, which it does not expose. The estimate is the plain mean of {@code b} over the batches,
 * as PyTorch's cumulative average ({@code momentum=None}): before each batch every statistic is set
 * to zero, so the pass leaves {@code (1 − m)·b} in it; these are summed and divided by {@code K(1 −
 * m)}. The momentum {@code m} is measured once per statistic on the first batch, passed twice from
 * two starting values (1024 and 0): {@code m} is the difference of the results divided by 1024. A
 * statistic the first batch's pass leaves unchanged belongs to an operation off the path; it keeps
 * its value.
 */
public final class BatchNormRecalibration {

    /** The starting value of the momentum probe: a power of two, large against the statistics. */
    private static final float PROBE = 1024;

    private static final NDIndex ALL = new NDIndex("...");
    private static final double SMALLEST_UPDATE = 1e-5;

    private final List<NDArray> statistics;
    private final Consumer<Batch> trainingPass;

    /**
     * Creates the recalibration of some statistics.
     *
     * @param statistics the running statistics, updated in place by a training pass
     * @param trainingPass passes a batch through the network in training mode, so that it updates
     *     the statistics (on MXNet: forward and backward inside a gradient collector)
     */
    public BatchNormRecalibration(List<NDArray> statistics, Consumer<Batch> trainingPass) {
        this.statistics = List.copyOf(statistics);
        this.trainingPass = trainingPass;
    }

    /**
     * Returns the running statistics (means and variances) of every batch normalisation in a block,
     * in a fixed order.
     *
     * @param block the block
     * @return the arrays
     */
    static List<NDArray> runningStatistics(Block block) {
        return block.getParameters().values().stream()
                .filter(
                        p ->
                                p.getType() == Parameter.Type.RUNNING_MEAN
                                        || p.getType() == Parameter.Type.RUNNING_VAR)
                .map(Parameter::getArray)
                .toList();
    }

    /**
     * Replaces the statistics of the operations a pass reaches with their mean over the batches.
     *
     * @param batches the batches, at least one
     * @throws IllegalArgumentException if there are no batches
     */
    public void recalibrate(List<Batch> batches) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("recalibration needs at least one batch");
        }
        if (statistics.isEmpty()) {
            return;
        }
        List<NDArray> before = copies();
        setAll(PROBE);
        trainingPass.accept(batches.get(0));
        List<NDArray> probed = copies();
        setAll(0);
        trainingPass.accept(batches.get(0));
        List<NDArray> sums = copies();
        double[] updateShare = new double[statistics.size()];
        for (int i = 0; i < statistics.size(); i++) {
            double momentum = probed.get(i).sub(sums.get(i)).mean().getFloat() / PROBE;
            updateShare[i] = 1 - momentum;
        }
        for (Batch batch : batches.subList(1, batches.size())) {
            setAll(0);
            trainingPass.accept(batch);
            for (int i = 0; i < statistics.size(); i++) {
                sums.get(i).addi(statistics.get(i));
            }
        }
        for (int i = 0; i < statistics.size(); i++) {
            NDArray estimate =
                    updateShare[i] > SMALLEST_UPDATE
                            ? sums.get(i).div(batches.size() * updateShare[i])
                            : before.get(i);
            statistics.get(i).set(ALL, estimate);
        }
    }

    /**
     * Copies the statistics, to put them back with {@link #restore}.
     *
     * @return the copies
     */
    List<NDArray> copies() {
        List<NDArray> copies = new ArrayList<>();
        for (NDArray statistic : statistics) {
            copies.add(statistic.duplicate());
        }
        return copies;
    }

    /**
     * Overwrites the statistics with saved copies.
     *
     * @param saved copies from {@link #copies}
     */
    void restore(List<NDArray> saved) {
        for (int i = 0; i < statistics.size(); i++) {
            statistics.get(i).set(ALL, saved.get(i));
        }
    }

    private void setAll(float value) {
        for (NDArray statistic : statistics) {
            statistic.set(ALL, value);
        }
    }
}
