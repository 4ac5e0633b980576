package org.djlnas.api.trial;

/**
 * An objective a trial reported after one of its steps (for training, an epoch).
 *
 * @param trial the trial's number
 * @param step the step, from 1
 * @param value the objective's value
 */
public record IntermediateValue(int trial, int step, double value) {}
