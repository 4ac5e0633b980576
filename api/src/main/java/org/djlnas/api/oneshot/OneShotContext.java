package org.djlnas.api.oneshot;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.MixingForm;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;

/**
 * What a one-shot strategy is created with.
 *
 * @param space the space, which can build a supernet
 * @param settings the strategy's resolved settings
 * @param seed the seed of everything random in the search
 * @param budget the search's epochs
 * @param engine the DJL engine to train on
 * @param mixingForm how the supernet's mixed operations compute their sums on that engine ({@link
 *     org.djlnas.api.engine.EngineSupport#mixingForm()})
 * @param metaStart a meta-trained supernet folder (written by Reptile meta-training) whose shared
 *     weights and α the search starts from instead of its seeded initialisation, if given; only
 *     strategies whose provider says {@link OneShotStrategyProvider#startsFromMetaTraining()} use
 *     it
 * @param imageMemoryFormat how image batches lie in memory on that engine ({@link
 *     org.djlnas.api.engine.EngineSupport#imageMemoryFormat()})
 */
public record OneShotContext(
        OneShotSpace space,
        Settings settings,
        long seed,
        Budget budget,
        String engine,
        MixingForm mixingForm,
        Optional<Path> metaStart,
        ImageMemoryFormat imageMemoryFormat) {

    /** Validates the fields. */
    public OneShotContext {
        requireNonNull(space, "space is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(budget, "budget is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(mixingForm, "mixingForm is null");
        requireNonNull(metaStart, "metaStart is null");
        requireNonNull(imageMemoryFormat, "imageMemoryFormat is null");
    }

    /**
     * A context whose search starts from its seeded initialisation, its image batches in their
     * contiguous layout.
     *
     * @param space the space, which can build a supernet
     * @param settings the strategy's resolved settings
     * @param seed the seed of everything random in the search
     * @param budget the search's epochs
     * @param engine the DJL engine to train on
     * @param mixingForm how the supernet's mixed operations compute their sums
     */
    public OneShotContext(
            OneShotSpace space,
            Settings settings,
            long seed,
            Budget budget,
            String engine,
            MixingForm mixingForm) {
        this(
                space,
                settings,
                seed,
                budget,
                engine,
                mixingForm,
                Optional.empty(),
                ImageMemoryFormat.CONTIGUOUS);
    }
}
