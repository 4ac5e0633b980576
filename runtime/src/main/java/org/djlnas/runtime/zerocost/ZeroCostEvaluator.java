package org.djlnas.runtime.zerocost;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.trial.TrialSpec;

/**
 * Scores each trial by a zero-cost proxy of its untrained network, in about a second: the proxy's
 * score (maximised) and {@value #PROXY_SECONDS}. The trial's seed seeds the weights and draws the
 * minibatch, so a trial's score is the same on every run and executor. A score that is not finite
 * (a singular NASWOT kernel, a constant Jacobian) fails the trial.
 */
final class ZeroCostEvaluator implements Evaluator {

    /** The metric of the seconds the proxy took. */
    static final String PROXY_SECONDS = "proxySeconds";

    private final ProxyScorer scorer;

    ZeroCostEvaluator(ProxyScorer scorer) {
        this.scorer = requireNonNull(scorer, "scorer is null");
    }

    @Override
    public String objective() {
        return scorer.proxy().metric();
    }

    @Override
    public Direction direction() {
        return Direction.MAXIMIZE;
    }

    @Override
    public Set<String> reportedMetrics() {
        return Set.of(objective(), PROXY_SECONDS);
    }

    @Override
    public Map<String, Double> evaluate(TrialSpec trial) throws TrialFailedException, IOException {
        long start = System.nanoTime();
        double score =
                scorer.score(trial.architecture(), trial.seed(), trial.budget().maxTrainExamples());
        if (!Double.isFinite(score)) {
            throw new TrialFailedException(
                    "proxy '" + scorer.proxy().id() + "' gave " + score + " for this network");
        }
        return Map.of(objective(), score, PROXY_SECONDS, (System.nanoTime() - start) / 1e9);
    }
}
