package org.djlnas.strategies.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.djlnas.strategies.DistinctSampler;
import org.jspecify.annotations.Nullable;

/**
 * Bayesian optimisation with a Gaussian process over architectures.
 *
 * <p>The first {@code initial-points} asks, and every ask while fewer than two outcomes have a
 * score, are distinct uniform draws, after the best trials of earlier experiments when the search
 * starts from them. Every later ask fits a {@link GaussianProcess} to the scores of the done
 * trials, warped to normal scores by rank ({@link RankWarping}), conditions it on the proposals
 * still running with their predicted mean as if observed (the kriging believer, so that asks for
 * parallel trials differ), and proposes the candidate of a {@link CandidatePool} with the highest
 * {@link ExpectedImprovement} over the best score so far; the first such candidate on ties. No
 * architecture is proposed twice; when every candidate was, the ask is a uniform draw among the
 * architectures not yet proposed.
 *
 * <p>The length scale and the relative noise are refitted by {@link HyperparameterGrid} when the
 * number of scores has grown by a tenth since the last fit (every new score up to ten of them), and
 * kept between fits; the posterior itself is recomputed whenever a score arrives. Failed, pruned,
 * infeasible and score-less trials teach nothing.
 */
final class GpBo implements Strategy {

    private final SearchSpace space;
    private final Budget budget;
    private final GpBoSettings settings;
    private final ChoiceEncoding encoding;
    private final DistinctSampler sampler;
    private final SplittableRandom poolRandom;
    private final List<Observation> observations = new ArrayList<>();
    private final Map<String, double[]> pending = new LinkedHashMap<>();
    private @Nullable Hyperparameters hyperparameters;
    private int refitAt;
    private @Nullable Model model;
    private int asked;

    GpBo(StrategyContext context, GpBoSettings settings) {
        this.space = context.space();
        this.budget = context.budget();
        this.settings = settings;
        this.encoding = new ChoiceEncoding(space.choices());
        SplittableRandom design = new SplittableRandom(context.seed());
        this.poolRandom = design.split();
        this.sampler = new DistinctSampler(space, design, context.priorArchitectures());
    }

    @Override
    public Optional<Proposal> ask() {
        Optional<Architecture> next;
        if (asked < settings.initialPoints() || observations.size() < 2) {
            next = sampler.next();
        } else {
            next = bestCandidate();
            if (next.isEmpty()) {
                next = sampler.next();
            }
        }
        next.ifPresent(
                architecture -> {
                    asked++;
                    pending.put(architecture.id(), encoding.encode(architecture));
                });
        return next.map(architecture -> new Proposal(architecture, budget));
    }

    @Override
    public void tell(TrialOutcome outcome) {
        Architecture architecture = outcome.spec().architecture();
        double[] point = pending.remove(architecture.id());
        if (outcome.state() != TrialState.DONE || outcome.objective().isEmpty()) {
            return;
        }
        double score = outcome.objective().getAsDouble();
        if (!Double.isFinite(score)) {
            return;
        }
        observations.add(
                new Observation(
                        architecture,
                        point != null ? point : encoding.encode(architecture),
                        score));
        model = null;
    }

    /** The candidate with the highest expected improvement, recorded as proposed. */
    private Optional<Architecture> bestCandidate() {
        List<Architecture> pool =
                CandidatePool.draw(
                        space,
                        poolRandom,
                        parents(),
                        settings.randomCandidates(),
                        settings.mutationCandidates(),
                        candidate -> !sampler.wasProposed(candidate));
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Model current = model();
        Model.Posterior believer = current.believing(List.copyOf(pending.values()));
        Architecture best = pool.get(0);
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Architecture candidate : pool) {
            GaussianProcess.Prediction p = current.predict(believer, encoding.encode(candidate));
            double value = ExpectedImprovement.of(p.mean(), p.variance(), current.bestTarget());
            if (value > bestValue) {
                bestValue = value;
                best = candidate;
            }
        }
        sampler.record(best);
        return Optional.of(best);
    }

    /** The best observed architectures, best first, the earlier first among equal scores. */
    private List<Architecture> parents() {
        return observations.stream()
                .sorted(Comparator.comparingDouble(Observation::score).reversed())
                .limit(settings.parents())
                .map(Observation::architecture)
                .toList();
    }

    /** The posterior on the scores told so far, refitting the hyper-parameters when due. */
    private Model model() {
        if (model == null) {
            List<double[]> points = observations.stream().map(Observation::point).toList();
            double[] targets =
                    RankWarping.of(observations.stream().mapToDouble(Observation::score).toArray());
            ChoiceDistance distance = new ChoiceDistance(encoding, points);
            double[][] distances = distance.matrix(points, points);
            if (hyperparameters == null || observations.size() >= refitAt) {
                hyperparameters = HyperparameterGrid.fit(distances, targets);
                refitAt =
                        Math.max(
                                observations.size() + 1,
                                (int) Math.ceil(observations.size() * 1.1));
            }
            model = new Model(distance, points, distances, targets, hyperparameters);
        }
        return model;
    }

    private record Observation(Architecture architecture, double[] point, double score) {}
}
