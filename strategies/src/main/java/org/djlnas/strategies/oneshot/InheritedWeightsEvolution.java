package org.djlnas.strategies.oneshot;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.strategies.RegularizedEvolutionProvider;

/**
 * The search phase of single-path one-shot NAS: architectures proposed by {@code
 * regularized-evolution}, driven through the multi-trial {@link Strategy} interface with its own
 * defaults, each measured at once (on a supernet, with inherited weights: {@link PathScorer}) and
 * told to the strategy as a done trial.
 */
final class InheritedWeightsEvolution {

    private static final Budget SCORING = Budget.ofEpochs(1);

    private InheritedWeightsEvolution() {}

    /**
     * Measures up to {@code candidates} distinct architectures proposed by regularized evolution
     * and returns the best: the highest score, then the lowest loss, then the first measured.
     *
     * @param space the space
     * @param candidates how many architectures to measure (fewer if a finite space runs out)
     * @param seed the evolution's seed
     * @param measure measures an architecture
     * @param score a measurement's score, larger when better
     * @param loss a measurement's loss, which breaks ties of the score
     * @param <T> the measurement
     * @return the best architecture, its measurement and the number measured
     * @throws IllegalStateException if the space proposes no architecture
     */
    static <T> Best<T> search(
            SearchSpace space,
            int candidates,
            long seed,
            Function<Architecture, T> measure,
            ToDoubleFunction<T> score,
            ToDoubleFunction<T> loss) {
        StrategyProvider provider = new RegularizedEvolutionProvider();
        Strategy evolution =
                provider.create(
                        new StrategyContext(
                                space,
                                Settings.resolve(
                                        "strategy '" + provider.id() + "'",
                                        provider.settings(),
                                        Map.of()),
                                seed,
                                candidates,
                                SCORING));
        Architecture bestArchitecture = null;
        T best = null;
        int measured = 0;
        while (measured < candidates) {
            Optional<Proposal> proposal = evolution.ask();
            if (proposal.isEmpty()) {
                break;
            }
            Architecture architecture = proposal.get().architecture();
            T result = measure.apply(architecture);
            measured++;
            double value = score.applyAsDouble(result);
            evolution.tell(
                    new TrialOutcome(
                            new TrialSpec(measured, architecture, SCORING, seed),
                            Double.isFinite(value) ? TrialState.DONE : TrialState.FAILED,
                            Double.isFinite(value)
                                    ? OptionalDouble.of(value)
                                    : OptionalDouble.empty()));
            if (best == null || better(value, loss.applyAsDouble(result), best, score, loss)) {
                best = result;
                bestArchitecture = architecture;
            }
        }
        if (best == null) {
            throw new IllegalStateException(
                    "space '" + space.id() + "' proposed no architecture to score");
        }
        return new Best<>(bestArchitecture, best, measured);
    }

    private static <T> boolean better(
            double value,
            double valueLoss,
            T best,
            ToDoubleFunction<T> score,
            ToDoubleFunction<T> loss) {
        double bestValue = score.applyAsDouble(best);
        if (Double.isNaN(bestValue)) {
            return !Double.isNaN(value);
        }
        if (value != bestValue) {
            return value > bestValue;
        }
        return valueLoss < loss.applyAsDouble(best);
    }

    /**
     * The best architecture of a search.
     *
     * @param architecture the architecture
     * @param measurement its measurement
     * @param measured how many architectures the search measured
     * @param <T> the measurement
     */
    record Best<T>(Architecture architecture, T measurement, int measured) {}
}
