package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
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
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.data.ImageDataSource;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.strategies.oneshot.BatchNormRecalibration;
import org.djlnas.strategies.oneshot.SposProvider;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.EpochRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Single-path one-shot search on MXNet, through the same strategy code as on PyTorch: a resumed
 * search on a few Fashion-MNIST examples ends as one that never stopped, on both ready cell spaces;
 * and batch normalisation's recalibration works where the running statistics change only in the
 * backward pass.
 */
@Tag("integration")
class MxNetSposTest {

    private static final int EPOCHS = 2;
    private static final int EXAMPLES_PER_HALF = 128;
    private static ImageDataSource source;

    @TempDir Path uninterrupted;
    @TempDir Path resumed;

    @BeforeAll
    static void loadEngineAndData() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        EngineSelector.discover()
                .select(Optional.of(MxNetSupport.ENGINE_NAME), EngineCapability.TRAIN);
        source = new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"nas-bench-201", "darts"})
    void aResumedSearchEndsAsOneThatNeverStopped(String spaceId) throws IOException {
        OneShotResult reference = search(spaceId, uninterrupted, List.of(), record -> {});
        List<EpochRecord> journal = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                search(
                                        spaceId,
                                        resumed,
                                        List.of(),
                                        record -> {
                                            journal.add(record);
                                            throw new IllegalStateException("killed");
                                        }))
                .hasMessage("killed");

        OneShotResult again = search(spaceId, resumed, journal, record -> {});

        System.out.println("spos on " + spaceId + ": " + reference.history());
        assertThat(reference.history()).hasSize(EPOCHS);
        assertThat(reference.history())
                .allSatisfy(
                        record ->
                                assertThat(record.metrics())
                                        .containsKeys("trainLoss", "validationAccuracy")
                                        .allSatisfy(
                                                (name, value) ->
                                                        assertThat(value).as(name).isFinite()));
        assertThat(EpochRecords.comparable(again.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(again.architecture()).isEqualTo(reference.architecture());
    }

    @Test
    void recalibrationGivesTheMeanOfTheBatchMeansWhenTheBackwardPassUpdatesThem() {
        Shape input = new Shape(8, 2, 3, 3);
        try (NDManager manager = Engine.getEngine(MxNetSupport.ENGINE_NAME).newBaseManager()) {
            BatchNorm norm = BatchNorm.builder().build();
            norm.initialize(manager, DataType.FLOAT32, input);
            ParameterStore store = new ParameterStore(manager, false);
            List<NDArray> statistics =
                    norm.getParameters().values().stream()
                            .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN)
                            .map(Parameter::getArray)
                            .toList();
            List<Batch> batches = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                NDArray x = manager.randomNormal(b, 1 + b, input, DataType.FLOAT32);
                batches.add(new Batch(manager, new NDList(x), new NDList(x), 8, null, null, 0, 1));
            }

            new BatchNormRecalibration(
                            statistics,
                            batch -> {
                                try (GradientCollector collector =
                                        manager.getEngine().newGradientCollector()) {
                                    NDArray out = norm.forward(store, batch.getData(), true).head();
                                    collector.backward(out.square().sum());
                                }
                            })
                    .recalibrate(batches);

            NDArray expected = manager.zeros(new Shape(2));
            for (Batch batch : batches) {
                expected = expected.add(batch.getData().head().mean(new int[] {0, 2, 3}).div(3));
            }
            float[] want = expected.toFloatArray();
            float[] got = statistics.get(0).toFloatArray();
            assertThat(got[0]).isCloseTo(want[0], within(1e-4f));
            assertThat(got[1]).isCloseTo(want[1], within(1e-4f));
        }
    }

    private static OneShotResult search(
            String spaceId, Path checkpoints, List<EpochRecord> journaled, EpochListener listener)
            throws IOException {
        SearchSpaceProvider spaceProvider =
                spaceId.equals("darts")
                        ? new org.djlnas.spaces.darts.DartsProvider()
                        : new NasBench201Provider();
        Map<String, String> spaceSettings =
                spaceId.equals("darts")
                        ? Map.of(
                                "channels", "4",
                                "layers", "3",
                                "nodes", "2",
                                "input-channels", "1",
                                "classes", "10")
                        : Map.of(
                                "channels",
                                "8",
                                "cells",
                                "1",
                                "input-channels",
                                "1",
                                "classes",
                                "10");
        OneShotSpace space =
                (OneShotSpace)
                        spaceProvider.create(
                                Settings.resolve("space", spaceProvider.settings(), spaceSettings),
                                OpRegistry.discover());
        OneShotStrategyProvider strategy = new SposProvider();
        Settings settings =
                Settings.resolve(
                        "strategy",
                        strategy.settings(),
                        Map.of(
                                "batch-size", "32",
                                "evolution-candidates", "4",
                                "epoch-candidates", "2",
                                "recalibration-batches", "2",
                                "validation-batches", "2"));
        OneShotContext context =
                new OneShotContext(
                        space,
                        settings,
                        11,
                        new Budget(EPOCHS, 0),
                        MxNetSupport.ENGINE_NAME,
                        new MxNetSupport().mixingForm());
        return strategy.create(context)
                .search(
                        FashionMnistHalves.of(source, EXAMPLES_PER_HALF),
                        checkpoints,
                        journaled,
                        listener);
    }
}
