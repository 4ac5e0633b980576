package org.djlnas.strategies.reinforce;

import java.util.List;
import org.djlnas.api.arch.Architecture;

/**
 * An architecture drawn from a policy, with the picks that made it, in the order they were made.
 *
 * @param architecture the architecture
 * @param steps one step per reachable choice, depth first
 */
record Sample(Architecture architecture, List<Step> steps) {}
