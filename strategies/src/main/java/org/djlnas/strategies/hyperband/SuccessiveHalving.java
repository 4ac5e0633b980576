package org.djlnas.strategies.hyperband;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;

/**
 * The state of one successive-halving bracket.
 *
 * <p>Rung 0 asks for its fresh configurations one by one (fewer if a finite space has no more at
 * that budget). Once every trial of a rung has been asked, the bracket waits until all their
 * outcomes are told, ranks them with {@link OutcomeRanking}, and continues the best {@code
 * floor(size / eta)} done trials (fewer if fewer are done) at the next rung's budget, best first.
 * Failed, pruned and objective-less trials are never continued. The bracket ends once its last rung
 * has been asked, or when a rung continues nothing; the outcomes of its last rung are not waited
 * for.
 */
final class SuccessiveHalving {

    private final Bracket bracket;
    private final int eta;
    private final int maxTrainExamples;
    private int rung;
    private int target;
    private final Deque<TrialOutcome> promotions = new ArrayDeque<>();
    private final SortedSet<Integer> members = new TreeSet<>();
    private final Map<Integer, TrialOutcome> outcomes = new TreeMap<>();
    private boolean closed;
    private boolean finished;
    private boolean proposedAny;

    SuccessiveHalving(Bracket bracket, int eta, int maxTrainExamples) {
        this.bracket = bracket;
        this.eta = eta;
        this.maxTrainExamples = maxTrainExamples;
        this.target = bracket.rungs().get(0).size();
    }

    /**
     * Proposes the bracket's next trial.
     *
     * @param number the number the proposed trial will get
     * @param configs where fresh configurations come from
     * @return the proposal, or empty once the bracket has nothing more to propose
     * @throws IllegalStateException if called while {@link #awaitsOutcomes()} is true
     */
    Optional<Proposal> next(int number, ConfigSource configs) {
        while (!finished) {
            if (!closed) {
                Optional<Proposal> proposal = propose(configs);
                if (proposal.isPresent()) {
                    members.add(number);
                    proposedAny = true;
                    closed = members.size() == target || isExhausted(configs);
                    return proposal;
                }
                closed = true;
            }
            if (rung == bracket.rungs().size() - 1) {
                finished = true;
            } else if (outcomes.size() < members.size()) {
                throw new IllegalStateException(
                        "bracket s="
                                + bracket.s()
                                + " waits for the outcomes of trials "
                                + members
                                + " (rung "
                                + rung
                                + "); tell them before asking again");
            } else {
                promote();
            }
        }
        return Optional.empty();
    }

    /**
     * Takes the outcome of a trial; outcomes of trials outside the current rung are ignored.
     *
     * @param outcome the outcome
     */
    void tell(TrialOutcome outcome) {
        int number = outcome.spec().number();
        if (!finished && members.contains(number)) {
            outcomes.put(number, outcome);
        }
    }

    /**
     * Tells whether the current rung has been fully asked and some of its outcomes are missing, so
     * nothing can be proposed before they arrive.
     *
     * @return true while the bracket waits
     */
    boolean awaitsOutcomes() {
        return !finished
                && closed
                && rung < bracket.rungs().size() - 1
                && outcomes.size() < members.size();
    }

    /**
     * Tells whether the bracket proposed at least one trial.
     *
     * @return true if it did
     */
    boolean proposedAny() {
        return proposedAny;
    }

    private Optional<Proposal> propose(ConfigSource configs) {
        Budget budget = new Budget(bracket.rungs().get(rung).epochs(), maxTrainExamples);
        if (rung == 0) {
            return configs.next(budget.epochs()).map(a -> new Proposal(a, budget));
        }
        return Optional.of(Proposal.continuing(promotions.removeFirst(), budget));
    }

    private boolean isExhausted(ConfigSource configs) {
        return rung == 0 && configs.isExhausted(bracket.rungs().get(0).epochs());
    }

    private void promote() {
        List<TrialOutcome> ranked = new ArrayList<>(outcomes.values());
        ranked.sort(OutcomeRanking.BEST_FIRST);
        int keep = Math.min(bracket.rungs().get(rung + 1).size(), members.size() / eta);
        ranked.stream()
                .filter(OutcomeRanking::isPromotable)
                .limit(keep)
                .forEach(promotions::addLast);
        rung++;
        target = promotions.size();
        members.clear();
        outcomes.clear();
        closed = false;
        finished = target == 0;
    }
}
