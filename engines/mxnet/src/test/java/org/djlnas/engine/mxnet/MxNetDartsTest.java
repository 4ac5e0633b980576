package org.djlnas.engine.mxnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.data.ImageDataSource;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.strategies.oneshot.DartsProvider;
import org.djlnas.strategies.oneshot.GdasProvider;
import org.djlnas.strategies.oneshot.SecondOrderDartsProvider;
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Searches tiny supernets with DARTS on MXNet, through the same strategy code as on PyTorch, for
 * one epoch on a few Fashion-MNIST examples: both orders, and both ready cell spaces, so that every
 * candidate operation runs forward and backward in a mixed operation; and with GDAS, whose
 * straight-through weights must carry α's gradient on MXNet's tape too.
 */
@Tag("integration")
class MxNetDartsTest {

    private static final int EXAMPLES_PER_HALF = 128;
    private static final int BATCH_SIZE = 32;
    private static final long SEED = 3;

    private static ImageDataSource source;

    @TempDir Path checkpoints;

    @BeforeAll
    static void loadEngineAndData() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        EngineSelector.discover()
                .select(
                        Optional.of(MxNetSupport.ENGINE_NAME),
                        EngineCapability.ARCHITECTURE_GRADIENTS);
        source = new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY);
    }

    static List<Arguments> searches() {
        Map<String, String> nasBench201 =
                Map.of("channels", "8", "cells", "1", "input-channels", "1", "classes", "10");
        Map<String, String> darts =
                Map.of(
                        "channels", "4",
                        "layers", "3",
                        "nodes", "2",
                        "input-channels", "1",
                        "classes", "10");
        Named<SearchSpaceProvider> nasBench201Space =
                Named.of("nas-bench-201", new NasBench201Provider());
        Named<SearchSpaceProvider> dartsSpace =
                Named.of("darts", new org.djlnas.spaces.darts.DartsProvider());
        Named<OneShotStrategyProvider> firstOrder = Named.of("darts", new DartsProvider());
        Named<OneShotStrategyProvider> secondOrder =
                Named.of("darts-2nd", new SecondOrderDartsProvider());
        Named<OneShotStrategyProvider> gdas = Named.of("gdas", new GdasProvider());
        return List.of(
                Arguments.of(nasBench201Space, nasBench201, firstOrder),
                Arguments.of(dartsSpace, darts, firstOrder),
                Arguments.of(nasBench201Space, nasBench201, secondOrder),
                Arguments.of(nasBench201Space, nasBench201, gdas),
                Arguments.of(dartsSpace, darts, gdas));
    }

    @ParameterizedTest(name = "{2} on {0}")
    @MethodSource("searches")
    void oneEpochMovesAlphaWithFiniteLosses(
            SearchSpaceProvider spaceProvider,
            Map<String, String> spaceSettings,
            OneShotStrategyProvider strategy)
            throws IOException {
        OneShotSpace space =
                (OneShotSpace)
                        spaceProvider.create(
                                Settings.resolve("space", spaceProvider.settings(), spaceSettings),
                                OpRegistry.discover());
        Map<String, String> given = new HashMap<>();
        given.put("batch-size", Integer.toString(BATCH_SIZE));
        // Large enough that α's moves stand out of its N(0, 1e-6) start.
        given.put("arch-learning-rate", "0.01");
        given.put("max-skip-connections", "-1");
        // Those of the settings the strategy has (GDAS has no collapse guard).
        given.keySet().retainAll(strategy.settings().stream().map(SettingSpec::name).toList());
        Settings settings = Settings.resolve("strategy", strategy.settings(), given);
        OneShotContext context =
                new OneShotContext(
                        space,
                        settings,
                        SEED,
                        new Budget(1, 0),
                        MxNetSupport.ENGINE_NAME,
                        new MxNetSupport().mixingForm());

        OneShotResult result =
                strategy.create(context)
                        .search(
                                FashionMnistHalves.of(source, EXAMPLES_PER_HALF),
                                checkpoints,
                                List.of(),
                                record -> {});

        EpochRecord epoch = result.history().get(0);
        System.out.println(strategy.id() + " on " + spaceProvider.id() + ": " + epoch.metrics());
        assertThat(epoch.metrics())
                .containsKeys("trainLoss", "validationLoss")
                .allSatisfy((name, value) -> assertThat(value).as(name).isFinite());
        assertThat(epoch.metrics().get("skippedSteps")).isZero();
        epoch.mixingWeights()
                .forEach(
                        (edge, weights) -> {
                            double uniform = 1.0 / weights.size();
                            assertThat(weights.stream().mapToDouble(w -> Math.abs(w - uniform)))
                                    .as("mixing weights of %s moved away from uniform", edge)
                                    .anyMatch(distance -> distance > 1e-3);
                        });
        assertThat(space.validate(result.architecture())).isEqualTo(result.architecture());
    }
}
