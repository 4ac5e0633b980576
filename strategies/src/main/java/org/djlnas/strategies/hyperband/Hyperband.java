package org.djlnas.strategies.hyperband;

import java.util.Optional;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;

/**
 * Hyperband's outer loop (Li et al. 2018): successive-halving brackets from {@code s = sMax} down
 * to 0, then again from {@code sMax}, for as long as the experiment asks. Fresh configurations come
 * from a {@link ConfigSource}; a configuration continued to a larger budget is proposed with {@link
 * Proposal#continuing}, so every budget is a trial of its own.
 *
 * <p>Trial numbers are counted from 1 in the order of the proposals, as the experiment numbers
 * them. Brackets run one after the other: the next bracket starts as soon as the last rung of the
 * current one has been asked. When {@code sMax + 1} brackets in a row propose nothing (a finite
 * space exhausted at every budget) the strategy is finished.
 */
final class Hyperband implements Strategy {

    private final Schedule schedule;
    private final ConfigSource configs;
    private final int maxTrainExamples;
    private int asked;
    private long bracketsStarted;
    private int emptyBracketsInARow;
    private SuccessiveHalving bracket;

    Hyperband(Schedule schedule, ConfigSource configs, int maxTrainExamples) {
        this.schedule = schedule;
        this.configs = configs;
        this.maxTrainExamples = maxTrainExamples;
        this.bracket = nextBracket();
    }

    @Override
    public Optional<Proposal> ask() {
        while (emptyBracketsInARow <= schedule.sMax()) {
            Optional<Proposal> proposal = bracket.next(asked + 1, configs);
            if (proposal.isPresent()) {
                asked++;
                configs.proposed(proposal.get().architecture(), proposal.get().budget().epochs());
                return proposal;
            }
            emptyBracketsInARow = bracket.proposedAny() ? 0 : emptyBracketsInARow + 1;
            bracket = nextBracket();
        }
        return Optional.empty();
    }

    @Override
    public void tell(TrialOutcome outcome) {
        configs.observe(outcome);
        bracket.tell(outcome);
    }

    @Override
    public boolean awaitsOutcomes() {
        return bracket.awaitsOutcomes();
    }

    private SuccessiveHalving nextBracket() {
        return new SuccessiveHalving(
                schedule.bracketNumber(bracketsStarted++), schedule.eta(), maxTrainExamples);
    }
}
