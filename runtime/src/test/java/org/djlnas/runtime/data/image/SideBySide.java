package org.djlnas.runtime.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.data.ImageDataSource;
import org.djlnas.runtime.search.SearchSetup;
import org.djlnas.runtime.training.TrainingEvaluator;
import org.djlnas.runtime.training.TrainingSettings;
import org.djlnas.testing.TestEngine;

/**
 * A small random search run on several data sources side by side: the same architectures, sampled
 * with one seed, each trained with the same seed and budget on every source, with the space
 * settings the runtime fills in from each source (input channels, classes).
 */
final class SideBySide {

    private SideBySide() {}

    /**
     * One architecture trained on one source.
     *
     * @param source the source's name
     * @param architecture the architecture
     * @param validationAccuracy its validation accuracy
     * @param testAccuracy its test accuracy
     * @param seconds the wall time of training, validation and test
     */
    record Trial(
            String source,
            Architecture architecture,
            double validationAccuracy,
            double testAccuracy,
            double seconds) {}

    /**
     * Samples architectures and trains each on each source.
     *
     * @param provider the space
     * @param spaceSettings its settings, without those the data fills in
     * @param sources the sources, by name
     * @param architectures how many architectures to sample
     * @param budget the budget of each trial
     * @param sampleSeed the seed of the sampling of architectures
     * @param trialSeed the seed of every trial (initialisation, data order)
     * @param work a folder for the trained parameters
     * @return the trials, by source, in sampling order
     * @throws Exception if training fails
     */
    static Map<String, List<Trial>> run(
            SearchSpaceProvider provider,
            Map<String, String> spaceSettings,
            Map<String, ImageDataSource> sources,
            int architectures,
            Budget budget,
            long sampleSeed,
            long trialSeed,
            Path work)
            throws Exception {
        Map<String, List<Trial>> trials = new LinkedHashMap<>();
        for (Map.Entry<String, ImageDataSource> source : sources.entrySet()) {
            Map<String, String> settings =
                    SearchSetup.spaceSettingsFor(provider, spaceSettings, source.getValue());
            SearchSpace space =
                    provider.create(
                            Settings.resolve(provider.id(), provider.settings(), settings),
                            OpRegistry.discover());
            TrainingEvaluator evaluator =
                    new TrainingEvaluator(
                            space,
                            source.getValue(),
                            TestEngine.name(),
                            TrainingSettings.defaults(),
                            EngineSelector.discover());
            SplittableRandom random = new SplittableRandom(sampleSeed);
            List<Trial> done = new ArrayList<>();
            for (int k = 0; k < architectures; k++) {
                Architecture architecture = space.choices().sample(random);
                Path saved = Files.createDirectories(work.resolve(source.getKey() + "-" + k));
                long start = System.nanoTime();
                Map<String, Double> metrics =
                        evaluator.evaluate(
                                new TrialSpec(k + 1, architecture, budget, trialSeed),
                                saved,
                                Optional.empty(),
                                TrialReporter.NONE);
                double test = evaluator.testObjective(architecture, saved);
                done.add(
                        new Trial(
                                source.getKey(),
                                architecture,
                                metrics.get(Metrics.ACCURACY),
                                test,
                                (System.nanoTime() - start) / 1e9));
            }
            trials.put(source.getKey(), done);
        }
        return trials;
    }
}
