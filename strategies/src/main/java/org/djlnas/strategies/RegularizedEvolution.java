package org.djlnas.strategies;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialState;

/**
 * Regularized (ageing) evolution, after Real et al., "Regularized Evolution for Image Classifier
 * Architecture Search" (AAAI 2019), in its asynchronous ask/tell form.
 *
 * <p>The first {@code population} asks are distinct random architectures, after the best trials of
 * earlier experiments when the search starts from them (an automatic population grows with the
 * number of asks, never with the trial budget; see {@link RegularizedEvolutionProvider}). Every
 * later ask draws {@code sampleSize} members of the population uniformly without replacement, takes
 * the one with the highest objective (the first drawn among equals) and proposes a mutation of it
 * that changes exactly one choice. A done trial with a finite objective joins the population; when
 * the population then holds more than {@code population} members the oldest leaves, whatever its
 * objective. Failed, pruned and objective-less trials never join.
 *
 * <p>With crossover, every later ask holds a second tournament for a second parent, and with
 * probability {@code crossoverRate} the child is the two winners' {@linkplain UniformCrossover
 * uniform crossover} (choice by choice or cell by cell) with one choice then mutated, else the
 * first winner's mutation as above. Without crossover (the default) no second tournament is held.
 *
 * <p>No architecture is proposed twice: a mutation that was proposed before is drawn again from the
 * same parents, up to {@value #MUTATION_TRIES} times, and then a distinct random architecture is
 * proposed instead. A random architecture is also proposed when a mutation is due but no outcome
 * has joined the population yet.
 */
final class RegularizedEvolution implements Strategy {

    static final int MUTATION_TRIES = 100;

    private final SearchSpace space;
    private final Budget budget;
    private final int explicitPopulation;
    private final int explicitSampleSize;
    private final Optional<UniformCrossover> crossover;
    private final double crossoverRate;
    private final SplittableRandom random;
    private final DistinctSampler sampler;
    private final Deque<Member> population = new ArrayDeque<>();
    private int asked;

    /**
     * Creates the strategy.
     *
     * @param context the space, seed and budget
     * @param population the population, or 0 to grow it with the trials asked so far
     * @param sampleSize the tournament size, or 0 to scale it to the population
     * @param crossover how two parents are crossed, if they are
     * @param crossoverRate the probability that a child crosses two parents, when they are crossed
     */
    RegularizedEvolution(
            StrategyContext context,
            int population,
            int sampleSize,
            Optional<UniformCrossover.Unit> crossover,
            double crossoverRate) {
        this.space = context.space();
        this.budget = context.budget();
        this.explicitPopulation = population;
        this.explicitSampleSize = sampleSize;
        this.crossover = crossover.map(unit -> new UniformCrossover(space, unit));
        this.crossoverRate = crossoverRate;
        this.random = new SplittableRandom(context.seed());
        this.sampler = new DistinctSampler(space, random, context.priorArchitectures());
    }

    @Override
    public Optional<Proposal> ask() {
        Optional<Architecture> next =
                asked < populationLimit() || population.isEmpty() ? sampler.next() : mutant();
        next.ifPresent(architecture -> asked++);
        return next.map(architecture -> new Proposal(architecture, budget));
    }

    @Override
    public void tell(TrialOutcome outcome) {
        if (outcome.state() != TrialState.DONE || outcome.objective().isEmpty()) {
            return;
        }
        double objective = outcome.objective().getAsDouble();
        if (!Double.isFinite(objective)) {
            return;
        }
        population.addLast(new Member(outcome.spec().architecture(), objective));
        while (population.size() > populationLimit()) {
            population.removeFirst();
        }
    }

    /**
     * The population: the explicit one, or one that grows with the trials asked so far and never
     * with the experiment's trial budget, so that the first proposals are the same whatever the
     * number of trials (a resumed search may run longer than it was first meant to).
     */
    private int populationLimit() {
        if (explicitPopulation > 0) {
            return explicitPopulation;
        }
        return Math.max(RegularizedEvolutionProvider.autoPopulation(asked), explicitSampleSize);
    }

    private int sampleSize() {
        if (explicitSampleSize > 0) {
            return explicitSampleSize;
        }
        int limit = populationLimit();
        return Math.min(RegularizedEvolutionProvider.autoSampleSize(limit), limit);
    }

    private Optional<Architecture> mutant() {
        if (sampler.isExhausted()) {
            return Optional.empty();
        }
        Architecture parent = tournamentWinner();
        Optional<Architecture> other = crossover.map(c -> tournamentWinner());
        for (int i = 0; i < MUTATION_TRIES; i++) {
            Architecture child = space.mutate(offspring(parent, other), random);
            if (sampler.record(child)) {
                return Optional.of(child);
            }
        }
        return sampler.next();
    }

    /** The first parent, or with probability {@code crossoverRate} its crossover with the other. */
    private Architecture offspring(Architecture parent, Optional<Architecture> other) {
        if (other.isEmpty() || random.nextDouble() >= crossoverRate) {
            return parent;
        }
        return crossover.orElseThrow().cross(parent, other.get(), random);
    }

    private Architecture tournamentWinner() {
        List<Member> members = new ArrayList<>(population);
        int draws = Math.min(sampleSize(), members.size());
        Member best = null;
        for (int i = 0; i < draws; i++) {
            int j = i + random.nextInt(members.size() - i);
            Member drawn = members.set(j, members.get(i));
            members.set(i, drawn);
            if (best == null || drawn.objective() > best.objective()) {
                best = drawn;
            }
        }
        return best.architecture();
    }

    private record Member(Architecture architecture, double objective) {}
}
