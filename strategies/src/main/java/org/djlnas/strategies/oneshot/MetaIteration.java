package org.djlnas.strategies.oneshot;

/**
 * What one meta-iteration of {@link Reptile} did.
 *
 * @param iteration the iteration, counting from 1
 * @param task the name of the task it adapted to
 * @param innerSteps the inner DARTS steps it ran
 * @param trainLoss the mean training loss of its weight steps
 * @param trainObjective the task's objective (accuracy, or RMSE) over its weight steps
 */
public record MetaIteration(
        int iteration, String task, int innerSteps, double trainLoss, double trainObjective) {}
