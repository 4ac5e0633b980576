package org.djlnas.strategies.reinforce;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialState;

/**
 * REINFORCE with a moving-average baseline, in ask/tell form.
 *
 * <p>Every ask draws an architecture from the current policy and keeps its picks until its outcome
 * is told; outcomes arrive in the order of the asks. A done trial with a finite objective is a
 * reward {@code r}: once the baseline holds an earlier reward the policy takes one step on the
 * advantage {@code r - baseline}, and then {@code r} joins the baseline. The first reward only
 * starts the baseline. Failed, pruned and objective-less trials teach nothing: neither the policy
 * nor the baseline changes.
 *
 * <p>Asks never wait for outcomes: with trials running in parallel, an ask draws from the policy as
 * the outcomes told so far left it, and a late outcome updates the policy with the picks of the ask
 * it answers. Architectures may be proposed again; a policy that has converged keeps proposing its
 * favourite.
 */
final class Reinforce implements Strategy {

    private final Policy policy;
    private final MovingAverageBaseline baseline;
    private final SplittableRandom random;
    private final Budget budget;
    private final Deque<Sample> awaitingOutcome = new ArrayDeque<>();

    Reinforce(
            Policy policy, MovingAverageBaseline baseline, SplittableRandom random, Budget budget) {
        this.policy = policy;
        this.baseline = baseline;
        this.random = random;
        this.budget = budget;
    }

    @Override
    public Optional<Proposal> ask() {
        Sample sample = policy.sample(random);
        awaitingOutcome.addLast(sample);
        return Optional.of(new Proposal(sample.architecture(), budget));
    }

    @Override
    public void tell(TrialOutcome outcome) {
        Sample sample = awaitingOutcome.pollFirst();
        int trial = outcome.spec().number();
        if (sample == null) {
            throw new IllegalStateException(
                    "trial "
                            + trial
                            + " was told, but strategy 'reinforce' has no proposal awaiting an"
                            + " outcome");
        }
        if (!sample.architecture().equals(outcome.spec().architecture())) {
            throw new IllegalStateException(
                    "trial "
                            + trial
                            + " has architecture "
                            + outcome.spec().architecture().id()
                            + ", but the oldest proposal awaiting an outcome is "
                            + sample.architecture().id()
                            + "; expected outcomes in the order of the asks");
        }
        OptionalDouble reward = reward(outcome);
        if (reward.isEmpty()) {
            return;
        }
        if (baseline.hasValue()) {
            policy.reinforce(sample, reward.getAsDouble() - baseline.value());
        }
        baseline.update(reward.getAsDouble());
    }

    private static OptionalDouble reward(TrialOutcome outcome) {
        if (outcome.state() != TrialState.DONE
                || outcome.objective().isEmpty()
                || !Double.isFinite(outcome.objective().getAsDouble())) {
            return OptionalDouble.empty();
        }
        return outcome.objective();
    }
}
