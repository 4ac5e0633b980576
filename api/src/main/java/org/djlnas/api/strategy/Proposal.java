package org.djlnas.api.strategy;

import org.djlnas.api.arch.Architecture;
import org.djlnas.api.trial.Budget;

/**
 * What a strategy asks to evaluate next.
 *
 * @param architecture the architecture
 * @param budget how much to train it
 */
public record Proposal(Architecture architecture, Budget budget) {}
