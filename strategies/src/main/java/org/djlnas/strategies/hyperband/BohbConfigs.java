package org.djlnas.strategies.hyperband;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.strategy.TrialOutcome;
import org.jspecify.annotations.Nullable;

/**
 * BOHB's fresh configurations: with probability {@code random-fraction}, or while no budget has
 * {@code minPoints + 2} observations, a uniform draw (the same draws {@code hyperband} makes with
 * the same seed); otherwise the best candidate of the {@link DensityRatioModel} of the largest
 * budget that has enough observations. A candidate already proposed at the target budget is never
 * chosen; when every candidate was, the draw is uniform among the configurations not yet proposed
 * there.
 *
 * <p>Every finished trial is an observation at its budget, whatever its state. The uniform draws
 * use the sampler's random source; the coin flips and the model's draws use a second one, so the
 * model never shifts the uniform draws.
 */
final class BohbConfigs implements ConfigSource {

    private final BudgetedSampler sampler;
    private final SplittableRandom random;
    private final LabelIndex labels;
    private final BohbSettings settings;
    private final NavigableMap<Double, List<TrialOutcome>> observations = new TreeMap<>();
    private @Nullable DensityRatioModel model;
    private boolean modelIsCurrent;

    BohbConfigs(
            BudgetedSampler sampler,
            SplittableRandom random,
            LabelIndex labels,
            BohbSettings settings) {
        this.sampler = sampler;
        this.random = random;
        this.labels = labels;
        this.settings = settings;
    }

    @Override
    public Optional<Architecture> next(double epochs) {
        if (sampler.isExhausted(epochs)) {
            return Optional.empty();
        }
        if (random.nextDouble() >= settings.randomFraction()) {
            Optional<Architecture> candidate =
                    model().flatMap(m -> m.propose(random, a -> !sampler.wasProposed(a, epochs)));
            if (candidate.isPresent()) {
                sampler.record(candidate.get(), epochs);
                return candidate;
            }
        }
        return sampler.next(epochs);
    }

    @Override
    public boolean isExhausted(double epochs) {
        return sampler.isExhausted(epochs);
    }

    @Override
    public void proposed(Architecture architecture, double epochs) {
        sampler.record(architecture, epochs);
    }

    @Override
    public void observe(TrialOutcome outcome) {
        observations
                .computeIfAbsent(outcome.spec().budget().epochs(), e -> new ArrayList<>())
                .add(outcome);
        modelIsCurrent = false;
    }

    /** The model of the largest budget with enough observations, refitted after new outcomes. */
    private Optional<DensityRatioModel> model() {
        if (!modelIsCurrent) {
            model = null;
            for (Map.Entry<Double, List<TrialOutcome>> atBudget :
                    observations.descendingMap().entrySet()) {
                if (atBudget.getValue().size() >= settings.minPoints() + 2) {
                    model = DensityRatioModel.fit(labels, settings, atBudget.getValue());
                    break;
                }
            }
            modelIsCurrent = true;
        }
        return Optional.ofNullable(model);
    }
}
