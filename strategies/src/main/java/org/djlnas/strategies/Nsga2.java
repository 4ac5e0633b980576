package org.djlnas.strategies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Pareto;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialState;
import org.jspecify.annotations.Nullable;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A Fast and Elitist Multiobjective Genetic
 * Algorithm: NSGA-II", IEEE TEVC 2002) over a space's choice tree, in generations of {@code
 * population} trials.
 *
 * <p>The first generation is distinct random architectures, after the best trials of earlier
 * experiments when the search starts from them. Each later one is bred from the population: two
 * binary tournaments on (non-domination rank, then crowding distance, the first drawn winning ties)
 * pick the parents; with probability {@code crossoverProbability} the child is their {@linkplain
 * UniformCrossover uniform crossover} (choice by choice, or cell by cell), else a copy of the
 * first; then one of its choices is mutated, as regularized evolution does. When every outcome of a
 * generation has been told, the population and the generation together are sorted into
 * non-dominated fronts of their scores ({@link TrialOutcome#scores}), and the best {@code
 * population} survive: whole fronts, then the largest crowding distances of the front that does not
 * fit. Trials that are not done, lack a score or have a non-finite one (failed, pruned, infeasible)
 * are dominated by every trial with scores: they form the last front, and survive only while there
 * are too few others.
 *
 * <p>A generation is bred only from outcomes, so the strategy {@linkplain #awaitsOutcomes awaits}
 * all of a generation's outcomes before asking the next: its proposals are a function of the seed
 * and the outcomes, whatever the parallelism and whatever the number of trials. No architecture is
 * proposed twice: a child proposed before is bred again, up to {@value #BREEDING_TRIES} times, and
 * then a distinct random architecture is proposed instead.
 */
final class Nsga2 implements Strategy {

    static final int BREEDING_TRIES = 100;

    private final SearchSpace space;
    private final Budget budget;
    private final int populationSize;
    private final double crossoverProbability;
    private final SplittableRandom random;
    private final DistinctSampler sampler;
    private final Optional<UniformCrossover> crossover;
    private List<Member> population = List.of();
    private final List<TrialOutcome> generation = new ArrayList<>();
    private int askedInGeneration;

    /**
     * Creates the strategy.
     *
     * @param context the space, seed and budget
     * @param populationSize the trials per generation and the survivors of each
     * @param crossover how parents are crossed; empty to copy the first parent always
     * @param crossoverProbability the probability that a child is a crossover of its parents
     */
    Nsga2(
            StrategyContext context,
            int populationSize,
            Optional<UniformCrossover> crossover,
            double crossoverProbability) {
        this.space = context.space();
        this.budget = context.budget();
        this.populationSize = populationSize;
        this.crossoverProbability = crossoverProbability;
        this.random = new SplittableRandom(context.seed());
        this.sampler = new DistinctSampler(space, random, context.priorArchitectures());
        this.crossover = crossover;
    }

    @Override
    public Optional<Proposal> ask() {
        if (awaitsOutcomes()) {
            throw new IllegalStateException(
                    "nsga2 was asked before the outcomes of its generation were told");
        }
        Optional<Architecture> next = population.isEmpty() ? sampler.next() : child();
        next.ifPresent(architecture -> askedInGeneration++);
        return next.map(architecture -> new Proposal(architecture, budget));
    }

    @Override
    public void tell(TrialOutcome outcome) {
        generation.add(outcome);
        if (generation.size() == populationSize) {
            List<Member> candidates = new ArrayList<>(population);
            generation.forEach(told -> candidates.add(Member.of(told)));
            population = survivors(candidates);
            generation.clear();
            askedInGeneration = 0;
        }
    }

    @Override
    public boolean awaitsOutcomes() {
        return askedInGeneration == populationSize;
    }

    /** The population the next generation is bred from, best first; for tests. */
    List<Architecture> population() {
        return population.stream().map(Member::architecture).toList();
    }

    private Optional<Architecture> child() {
        if (sampler.isExhausted()) {
            return Optional.empty();
        }
        for (int i = 0; i < BREEDING_TRIES; i++) {
            Architecture first = tournament().architecture();
            Architecture second = tournament().architecture();
            Architecture child =
                    crossover.isPresent() && random.nextDouble() < crossoverProbability
                            ? crossover.get().cross(first, second, random)
                            : first;
            child = space.mutate(child, random);
            if (sampler.record(child)) {
                return Optional.of(child);
            }
        }
        return sampler.next();
    }

    /**
     * Binary tournament: the lower rank wins, then the larger crowding distance, then the first.
     */
    private Member tournament() {
        int i = random.nextInt(population.size());
        int j = random.nextInt(population.size() - 1);
        if (j >= i) {
            j++;
        }
        Member a = population.get(i);
        Member b = population.get(j);
        return Member.CROWDED.compare(b, a) < 0 ? b : a;
    }

    /**
     * Keeps the best {@code populationSize} candidates by front, then crowding distance, and
     * records each survivor's rank and crowding distance for the tournaments.
     */
    private List<Member> survivors(List<Member> candidates) {
        List<Member> scored = new ArrayList<>();
        List<Member> unscored = new ArrayList<>();
        for (Member member : candidates) {
            (member.scores() == null ? unscored : scored).add(member);
        }
        List<double[]> points = new ArrayList<>();
        scored.forEach(member -> points.add(member.scores()));
        List<Member> ranked = new ArrayList<>();
        List<List<Integer>> fronts = Pareto.fronts(points);
        for (int rank = 0; rank < fronts.size(); rank++) {
            List<double[]> front = new ArrayList<>();
            fronts.get(rank).forEach(index -> front.add(points.get(index)));
            double[] crowding = Pareto.crowdingDistances(front);
            for (int k = 0; k < front.size(); k++) {
                ranked.add(scored.get(fronts.get(rank).get(k)).ranked(rank, crowding[k]));
            }
        }
        for (Member member : unscored) {
            ranked.add(member.ranked(fronts.size(), 0));
        }
        // A stable sort: among equals, members of the population go before the generation's
        // trials, and the generation's trials go in trial order.
        ranked.sort(Member.CROWDED);
        return List.copyOf(ranked.subList(0, Math.min(populationSize, ranked.size())));
    }

    /**
     * A trial in the population.
     *
     * @param architecture its architecture
     * @param scores its scores, or null if it has none (not done, or a score missing or infinite)
     * @param rank its non-domination rank, 0 for the first front
     * @param crowding its crowding distance within its front
     */
    private record Member(
            Architecture architecture, double @Nullable [] scores, int rank, double crowding) {

        static final Comparator<Member> CROWDED =
                Comparator.comparingInt(Member::rank)
                        .thenComparing(Comparator.comparingDouble(Member::crowding).reversed());

        static Member of(TrialOutcome outcome) {
            double[] scores = outcome.scores().stream().mapToDouble(Double::doubleValue).toArray();
            boolean usable = outcome.state() == TrialState.DONE && scores.length > 0;
            for (double score : scores) {
                usable &= Double.isFinite(score);
            }
            return new Member(outcome.spec().architecture(), usable ? scores : null, 0, 0);
        }

        Member ranked(int newRank, double newCrowding) {
            return new Member(architecture, scores, newRank, newCrowding);
        }
    }
}
