package org.djlnas.strategies.reinforce;

import java.util.List;

/**
 * What the policy picked for one decision.
 *
 * @param decision the decision
 * @param picks the option indices, in the order they were picked
 */
record Step(Decision decision, List<Integer> picks) {}
