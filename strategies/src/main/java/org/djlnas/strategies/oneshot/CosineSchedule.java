package org.djlnas.strategies.oneshot;

/** The weights' learning rate of a one-shot search, annealed once per epoch. */
final class CosineSchedule {

    private CosineSchedule() {}

    /**
     * Returns the learning rate in an epoch: cosine annealing from {@code initial} to {@code last},
     * as PyTorch's {@code CosineAnnealingLR} stepped once per epoch.
     *
     * @param initial the learning rate of the first epoch
     * @param last the learning rate the schedule approaches at the end
     * @param epoch the epoch, counting from 1
     * @param epochs the number of epochs
     * @return the learning rate
     */
    static double at(double initial, double last, int epoch, int epochs) {
        double progress = (double) (epoch - 1) / epochs;
        return last + (initial - last) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
