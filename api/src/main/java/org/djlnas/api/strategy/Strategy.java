package org.djlnas.api.strategy;

import java.util.Optional;

/**
 * A multi-trial search strategy, driven by ask and tell.
 *
 * <p>A strategy's state must be a function of its seed, its settings and the outcomes told so far,
 * in order: the experiment replays its journal into a fresh strategy to resume, and checks that
 * every replayed proposal equals the journaled one. Strategies are called from one thread.
 */
public interface Strategy {

    /**
     * Proposes the next trial.
     *
     * @return the proposal, or empty when the strategy has nothing left to propose (for example a
     *     grid that is exhausted)
     */
    Optional<Proposal> ask();

    /**
     * Tells the outcome of a trial this strategy proposed. Outcomes arrive in trial-number order.
     *
     * @param outcome the outcome
     */
    void tell(TrialOutcome outcome);

    /**
     * Tells whether the strategy cannot propose anything until it hears how trials it already
     * proposed ended (for example successive halving waiting for a full rung). While it returns
     * true, the experiment tells it the next outcomes in trial-number order, waiting for them if
     * they are still running, before it asks again; so proposals stay a function of the outcomes
     * told, whatever the parallelism.
     *
     * @return true to be told more outcomes before the next {@link #ask()}
     */
    default boolean awaitsOutcomes() {
        return false;
    }
}
