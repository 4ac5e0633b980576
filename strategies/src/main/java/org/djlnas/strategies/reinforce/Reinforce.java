package org.djlnas.strategies.reinforce;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialState;

/**
 * Policy-gradient search with a moving-average baseline, in ask/tell form: REINFORCE or PPO.
 *
 * <p>Every ask draws an architecture from the current policy and keeps its picks until its outcome
 * is told; outcomes arrive in the order of the asks. A done trial with a finite objective is a
 * reward {@code r}: once the baseline holds an earlier reward, the learner is given the advantage
 * {@code r - baseline} (REINFORCE takes one step on it; PPO adds it to its batch), and then {@code
 * r} joins the baseline. The first reward only starts the baseline. Failed, pruned and
 * objective-less trials teach nothing: neither the policy nor the baseline changes.
 *
 * <p>Asks never wait for outcomes: with trials running in parallel, an ask draws from the policy as
 * the outcomes told so far left it, and a late outcome updates the policy with the picks of the ask
 * it answers. Unless proposals are to be distinct, architectures may be proposed again; a policy
 * that has converged keeps proposing its favourite. With distinct proposals an ask draws again
 * while the draw was proposed before, up to {@value #MAX_DRAWS} draws, and then proposes the last
 * draw anyway.
 */
final class Reinforce implements Strategy {

    /** Draws per ask, at most, in search of an architecture not proposed before. */
    static final int MAX_DRAWS = 100;

    private final Policy policy;
    private final Learner learner;
    private final MovingAverageBaseline baseline;
    private final SplittableRandom random;
    private final Budget budget;
    private final boolean distinct;
    private final Set<String> proposed = new HashSet<>();
    private final Deque<Sample> awaitingOutcome = new ArrayDeque<>();

    /**
     * Creates the strategy.
     *
     * @param policy the policy that proposes
     * @param learner what a reward's advantage teaches the policy
     * @param baseline the moving average of the rewards
     * @param random the random source of every pick
     * @param budget the budget of every proposal
     * @param distinct whether to draw again, up to {@value #MAX_DRAWS} times, when the policy draws
     *     an architecture proposed before
     */
    Reinforce(
            Policy policy,
            Learner learner,
            MovingAverageBaseline baseline,
            SplittableRandom random,
            Budget budget,
            boolean distinct) {
        this.policy = policy;
        this.learner = learner;
        this.baseline = baseline;
        this.random = random;
        this.budget = budget;
        this.distinct = distinct;
    }

    @Override
    public Optional<Proposal> ask() {
        Sample sample = policy.sample(random);
        for (int draws = 1;
                distinct && draws < MAX_DRAWS && proposed.contains(sample.architecture().id());
                draws++) {
            sample = policy.sample(random);
        }
        proposed.add(sample.architecture().id());
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
            learner.learn(sample, reward.getAsDouble() - baseline.value());
        }
        baseline.update(reward.getAsDouble());
    }

    /** What the advantage of a told sample teaches the policy. */
    @FunctionalInterface
    interface Learner {

        /**
         * Learns from a sample's advantage.
         *
         * @param sample the sample
         * @param advantage its reward minus the baseline before that reward
         */
        void learn(Sample sample, double advantage);
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
