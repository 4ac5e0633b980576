package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.spaces.darts.DartsProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.strategies.oneshot.EnasProvider;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.EpochRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ENAS on MXNet, through the same strategy code as on PyTorch, on a few Fashion-MNIST examples: the
 * controller's LSTM and the supernet's single paths run on MXNet, every epoch is finite and derives
 * a valid architecture of the DARTS space, and a search resumed from its checkpoint ends as one
 * that never stopped.
 */
@Tag("integration")
class MxNetEnasTest {

    private static final int EXAMPLES_PER_HALF = 64;
    private static final long SEED = 3;
    private static final Map<String, String> SETTINGS =
            Map.of(
                    "batch-size", "32",
                    "controller-steps", "4",
                    "controller-hidden", "16",
                    "derive-samples", "2",
                    "validation-batches", "1");

    private static OneShotData data;

    @TempDir Path folder;

    @BeforeAll
    static void loadEngineAndData() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        EngineSelector.discover()
                .select(Optional.of(MxNetSupport.ENGINE_NAME), EngineCapability.TRAIN);
        data =
                FashionMnistHalves.of(
                        new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY), EXAMPLES_PER_HALF);
    }

    @Test
    void aDartsSpaceSearchIsFiniteAndResumesToTheUninterruptedEpochs() throws IOException {
        OneShotSpace space =
                space(
                        new DartsProvider(),
                        Map.of(
                                "channels", "4",
                                "layers", "3",
                                "nodes", "2",
                                "input-channels", "1",
                                "classes", "10"));
        OneShotResult whole = search(space, 2, folder.resolve("whole"), List.of(), r -> {});

        for (EpochRecord epoch : whole.history()) {
            System.out.println("enas on MXNet, epoch " + epoch.epoch() + ": " + epoch.metrics());
            assertThat(epoch.metrics())
                    .containsKeys("trainLoss", "validationAccuracy", "meanReward")
                    .allSatisfy((name, value) -> assertThat(value).as(name).isFinite());
            assertThat(epoch.metrics().get("skippedSteps")).isZero();
            assertThat(space.validate(epoch.architecture())).isEqualTo(epoch.architecture());
        }

        Path killed = folder.resolve("killed");
        List<EpochRecord> journal = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                search(
                                        space,
                                        2,
                                        killed,
                                        List.of(),
                                        record -> {
                                            journal.add(record);
                                            throw new IllegalStateException("crash");
                                        }))
                .hasMessage("crash");
        OneShotResult resumed = search(space, 2, killed, journal, r -> {});

        assertThat(EpochRecords.comparable(resumed.history()))
                .isEqualTo(EpochRecords.comparable(whole.history()));
    }

    @Test
    void aNasBench201SearchIsFinite() throws IOException {
        OneShotSpace space =
                space(
                        new NasBench201Provider(),
                        Map.of(
                                "channels",
                                "8",
                                "cells",
                                "1",
                                "input-channels",
                                "1",
                                "classes",
                                "10"));

        EpochRecord epoch = search(space, 1, folder, List.of(), r -> {}).history().get(0);

        assertThat(epoch.metrics())
                .allSatisfy((name, value) -> assertThat(value).as(name).isFinite());
        assertThat(space.validate(epoch.architecture())).isEqualTo(epoch.architecture());
    }

    private static OneShotSpace space(SearchSpaceProvider provider, Map<String, String> settings) {
        return (OneShotSpace)
                provider.create(
                        Settings.resolve("space", provider.settings(), settings),
                        OpRegistry.discover());
    }

    private static OneShotResult search(
            OneShotSpace space,
            int epochs,
            Path checkpoints,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        EnasProvider provider = new EnasProvider();
        OneShotContext context =
                new OneShotContext(
                        space,
                        Settings.resolve("strategy", provider.settings(), SETTINGS),
                        SEED,
                        new Budget(epochs, 0),
                        MxNetSupport.ENGINE_NAME,
                        new MxNetSupport().mixingForm());
        return provider.create(context).search(data, checkpoints, journaled, listener);
    }
}
