package org.djlnas.runtime.zerocost;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;

/**
 * Lets any strategy train only the most promising of its proposals: each {@link #ask()} draws up to
 * {@code candidates} proposals from the strategy it wraps, scores each with a zero-cost proxy, and
 * proposes the best-scored one (the first of equal scores; a score that is not finite or a network
 * the proxy cannot score ranks last). The others are told to the wrapped strategy as {@link
 * TrialState#INFEASIBLE}, with no score: they were rejected before training, and the built-in
 * strategies learn nothing from them (random and grid ignore outcomes, regularized evolution and
 * reinforce learn from done trials only, hyperband and BOHB never promote them).
 *
 * <p>The wrapped strategy sees its own numbering: every proposal it made, in order, from 1; its
 * outcomes are told in that order, a rejected candidate's outcome waiting until the outcomes of the
 * trials proposed before it are known. A proposal that continues an earlier trial (a multi-fidelity
 * promotion) is passed through unscored, since its architecture was already chosen.
 *
 * <p>Determinism and resume: the candidates' scores are a function of the architecture and a seed
 * derived from the prefilter's seed and the candidate's number in the wrapped strategy, computed in
 * the driver (never on an executor), so the same seed proposes the same trials whatever the
 * executor or parallelism. A resumed search replays its journal through a fresh prefilter, which
 * computes the scores again (a second or so per candidate) and proposes the same trials, which the
 * experiment checks against the journal.
 */
public final class Prefilter implements Strategy {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final Strategy inner;
    private final CandidateScore score;
    private final int candidates;
    private final long seed;
    private final Deque<Proposal> ready = new ArrayDeque<>();
    private final Deque<Integer> readyInnerNumbers = new ArrayDeque<>();
    private final Map<Integer, Integer> innerByOuter = new HashMap<>();
    private final Map<Integer, Integer> outerByInner = new HashMap<>();
    private final TreeMap<Integer, Optional<TrialOutcome>> untold = new TreeMap<>();
    private int innerAsked;
    private int outerAsked;

    /**
     * Wraps a strategy.
     *
     * @param inner the strategy whose proposals are filtered
     * @param score the proxy's score of a candidate, larger when better
     * @param candidates how many candidates to score for each proposal, at least 1
     * @param seed the seed the candidates' seeds are derived from
     */
    public Prefilter(Strategy inner, CandidateScore score, int candidates, long seed) {
        this.inner = requireNonNull(inner, "inner is null");
        this.score = requireNonNull(score, "score is null");
        if (candidates < 1) {
            throw new IllegalArgumentException(
                    "`prefilterCandidates` is " + candidates + "; expected at least 1");
        }
        this.candidates = candidates;
        this.seed = seed;
    }

    @Override
    public Optional<Proposal> ask() {
        if (ready.isEmpty()) {
            draw();
        }
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        Proposal proposal = ready.removeFirst();
        int innerNumber = readyInnerNumbers.removeFirst();
        int outerNumber = ++outerAsked;
        innerByOuter.put(outerNumber, innerNumber);
        outerByInner.put(innerNumber, outerNumber);
        if (proposal.continues().isPresent()) {
            Integer continued = outerByInner.get(proposal.continues().getAsInt());
            if (continued == null) {
                throw new IllegalStateException(
                        "the strategy continues its proposal "
                                + proposal.continues().getAsInt()
                                + ", which the prefilter did not let train");
            }
            proposal =
                    new Proposal(
                            proposal.architecture(), proposal.budget(), OptionalInt.of(continued));
        }
        return Optional.of(proposal);
    }

    /** Draws candidates from the wrapped strategy and queues the best one. */
    private void draw() {
        List<Proposal> drawn = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        while (drawn.size() < candidates && !inner.awaitsOutcomes()) {
            Optional<Proposal> next = inner.ask();
            if (next.isEmpty()) {
                break;
            }
            int number = ++innerAsked;
            if (next.get().continues().isPresent()) {
                choose(drawn, numbers);
                queue(next.get(), number);
                return;
            }
            drawn.add(next.get());
            numbers.add(number);
        }
        choose(drawn, numbers);
    }

    /** Queues the best of the candidates and tells the others as infeasible. */
    private void choose(List<Proposal> drawn, List<Integer> numbers) {
        if (drawn.isEmpty()) {
            return;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] scores = new double[drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            scores[i] =
                    drawn.size() == 1
                            ? 0
                            : scored(drawn.get(i).architecture(), candidateSeed(numbers.get(i)));
            if (scores[i] > bestScore) {
                bestScore = scores[i];
                best = i;
            }
        }
        queue(drawn.get(best), numbers.get(best));
        for (int i = 0; i < drawn.size(); i++) {
            if (i != best) {
                Proposal rejected = drawn.get(i);
                untold.put(
                        numbers.get(i),
                        Optional.of(
                                new TrialOutcome(
                                        new TrialSpec(
                                                numbers.get(i),
                                                rejected.architecture(),
                                                rejected.budget(),
                                                candidateSeed(numbers.get(i))),
                                        TrialState.INFEASIBLE,
                                        OptionalDouble.empty())));
            }
        }
        flush();
    }

    /** Queues a proposal to be returned; its outcome is awaited in the wrapped numbering. */
    private void queue(Proposal proposal, int innerNumber) {
        ready.addLast(proposal);
        readyInnerNumbers.addLast(innerNumber);
        untold.put(innerNumber, Optional.empty());
    }

    private double scored(Architecture architecture, long candidateSeed) {
        try {
            double value = score.score(architecture, candidateSeed);
            return Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
        } catch (TrialFailedException e) {
            return Double.NEGATIVE_INFINITY;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long candidateSeed(int innerNumber) {
        return new SplittableRandom(seed + GOLDEN_GAMMA * (innerNumber + 1L)).nextLong();
    }

    @Override
    public void tell(TrialOutcome outcome) {
        Integer innerNumber = innerByOuter.get(outcome.spec().number());
        if (innerNumber == null) {
            throw new IllegalStateException(
                    "trial " + outcome.spec().number() + " was not proposed by the prefilter");
        }
        TrialSpec spec = outcome.spec();
        OptionalInt continues =
                spec.continues().isPresent()
                        ? OptionalInt.of(innerByOuter.get(spec.continues().getAsInt()))
                        : OptionalInt.empty();
        untold.put(
                innerNumber,
                Optional.of(
                        new TrialOutcome(
                                new TrialSpec(
                                        innerNumber,
                                        spec.architecture(),
                                        spec.budget(),
                                        spec.seed(),
                                        continues),
                                outcome.state(),
                                outcome.objective(),
                                outcome.scores())));
        flush();
    }

    /** Tells the wrapped strategy every outcome now known, in its numbering's order. */
    private void flush() {
        while (!untold.isEmpty() && untold.firstEntry().getValue().isPresent()) {
            inner.tell(untold.pollFirstEntry().getValue().get());
        }
    }

    @Override
    public boolean awaitsOutcomes() {
        return ready.isEmpty() && inner.awaitsOutcomes();
    }

    /** A candidate's score, larger when better. */
    @FunctionalInterface
    public interface CandidateScore {
        /**
         * Scores a candidate.
         *
         * @param architecture the candidate
         * @param seed its seed (of the weights and minibatch)
         * @return the score
         * @throws TrialFailedException if the candidate cannot be scored (it ranks last)
         * @throws IOException if data cannot be read (the search stops)
         */
        double score(Architecture architecture, long seed) throws TrialFailedException, IOException;
    }
}
