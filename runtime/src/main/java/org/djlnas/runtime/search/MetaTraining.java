package org.djlnas.runtime.search;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.strategies.oneshot.DartsProvider;
import org.djlnas.strategies.oneshot.MetaIteration;
import org.djlnas.strategies.oneshot.MetaStartManifest;
import org.djlnas.strategies.oneshot.Reptile;
import org.djlnas.strategies.oneshot.ReptileSettings;
import org.djlnas.strategies.oneshot.ReptileTask;

/**
 * The library's entry point for Reptile meta-training over data sets ({@link Reptile}): opens each
 * data set through the data-source registry, builds the space for it (its input and classes), cuts
 * its training pool into the two halves a one-shot search uses, meta-trains and writes the
 * meta-start folder. A search starts from the folder when its {@code warmStart} names it.
 */
public final class MetaTraining {

    private MetaTraining() {}

    /**
     * Runs meta-training. Everything is checked before training starts, and the folder is written
     * only when it succeeds.
     *
     * @param config the configuration
     * @param plugins the spaces and data sources
     * @param listener hears of each finished meta-iteration
     * @return what was done
     * @throws IllegalArgumentException naming a bad field, data set or setting
     * @throws IOException if data cannot be read or the folder cannot be written
     */
    public static MetaTrainingReport run(
            MetaTrainingConfig config, Plugins plugins, Consumer<MetaIteration> listener)
            throws IOException {
        if (Files.exists(config.out())) {
            throw new IllegalArgumentException(
                    "`out` folder " + config.out() + " exists; expected a new folder");
        }
        SearchSpaceProvider provider = plugins.spaceProvider(config.space());
        ReptileSettings settings =
                new ReptileSettings(
                        config.metaIterations(),
                        config.innerSteps(),
                        config.metaStepSize(),
                        Settings.resolve(
                                "`innerSettings`",
                                new DartsProvider().settings(),
                                config.innerSettings()));
        List<ReptileTask> tasks = new ArrayList<>();
        Map<String, String> shared = null;
        for (String dataset : config.datasets()) {
            DataSource source = SearchSetup.read(plugins.dataSource(dataset, config.dataOptions()));
            Map<String, String> spaceSettings =
                    SearchSetup.spaceSettingsFor(provider, config.spaceSettings(), source);
            SearchSpace space = plugins.space(config.space(), spaceSettings);
            if (!(space instanceof OneShotSpace oneShot)) {
                throw new IllegalArgumentException(
                        "`space` '"
                                + config.space()
                                + "' cannot be built as a supernet; expected a space one-shot"
                                + " strategies search");
            }
            if (shared == null) {
                shared = sharedSettings(provider, config.spaceSettings(), spaceSettings);
            }
            tasks.add(
                    new ReptileTask(
                            dataset,
                            oneShot,
                            BilevelHalves.of(
                                    source,
                                    DataSplit.of(config.seed()),
                                    config.maxTrainExamples(),
                                    config.seed())));
        }
        MetaStartManifest manifest =
                new MetaStartManifest(
                        config.space(),
                        shared,
                        config.datasets(),
                        recordedSettings(config, settings),
                        config.seed(),
                        config.engine(),
                        List.of(),
                        List.of());
        long start = System.nanoTime();
        List<MetaIteration> iterations =
                Reptile.metaTrain(
                        tasks,
                        settings,
                        config.seed(),
                        config.engine(),
                        plugins.engines().mixingForm(config.engine()),
                        config.out(),
                        manifest,
                        listener);
        return new MetaTrainingReport(
                config.out(),
                MetaStartManifest.read(config.out()),
                iterations,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The space's resolved settings without those a data set filled in: what every task shares. */
    static Map<String, String> sharedSettings(
            SearchSpaceProvider provider, Map<String, String> given, Map<String, String> full) {
        Map<String, Object> resolved =
                Settings.resolve("`spaceSettings`", provider.settings(), full).asMap();
        Map<String, String> shared = new TreeMap<>();
        resolved.forEach(
                (name, value) -> {
                    if (given.containsKey(name) || !full.containsKey(name)) {
                        shared.put(name, String.valueOf(value));
                    }
                });
        return shared;
    }

    private static Map<String, String> recordedSettings(
            MetaTrainingConfig config, ReptileSettings settings) {
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("metaIterations", Integer.toString(settings.metaIterations()));
        recorded.put("innerSteps", Integer.toString(settings.innerSteps()));
        recorded.put("metaStepSize", Double.toString(settings.metaStepSize()));
        recorded.put("maxTrainExamples", Integer.toString(config.maxTrainExamples()));
        config.dataOptions().forEach((name, value) -> recorded.put("data." + name, value));
        settings.innerSettings()
                .asMap()
                .forEach((name, value) -> recorded.put("inner." + name, String.valueOf(value)));
        return recorded;
    }
}
