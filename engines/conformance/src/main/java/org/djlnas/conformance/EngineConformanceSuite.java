package org.djlnas.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.MixingForm;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchReport;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tests every engine module runs against its engine, in the manner of DJL's {@code integration}
 * module: extend this class, name the engine, and the whole suite runs on it. A test that needs
 * something the engine does not declare in its {@link EngineCapability capabilities} is skipped
 * (JUnit's assumptions), so no engine keeps a list of exclusions.
 *
 * <p>Tests that involve other engines (weights moved between engines, export of a network trained
 * elsewhere) use whichever engines are on the class path with the capability they need.
 *
 * <p>Its length is its tests, each short: one suite, so that every engine runs all of them.
 */
public abstract class EngineConformanceSuite {

    /** How close predictions of the same network on two engines must be. */
    protected static final double CROSS_ENGINE_TOLERANCE = 1e-4;

    private static final long SEED = 20261128L;

    /** The operation that outputs zeros, whatever its input. */
    private static final String ZERO_OPERATION = "none";

    private final EngineSelector engines = EngineSelector.discover();

    @TempDir Path folder;

    /**
     * Returns the name of the engine under test, as DJL knows it.
     *
     * @return the engine name, for example {@code MXNet}
     */
    protected abstract String engineName();

    @Test
    void declaredCapabilitiesAreWhatTheEngineCanDo() {
        Set<EngineCapability> declared = engines.capabilities(engineName());
        assertThat(declared).as("capabilities declared by %s", engineName()).isNotEmpty();
        assertThat(engines.available())
                .as("engines listed on the class path")
                .filteredOn(info -> info.name().equals(engineName()))
                .singleElement()
                .satisfies(info -> assertThat(info.capabilities()).isEqualTo(declared));
        if (declared.contains(EngineCapability.ARCHITECTURE_GRADIENTS)) {
            assertThat(declared)
                    .as("architecture gradients need training")
                    .contains(EngineCapability.TRAIN);
        }
        if (declared.contains(EngineCapability.TRAIN)) {
            assertThat(declared).as("training needs forward").contains(EngineCapability.FORWARD);
            try (NDManager manager = newManager()) {
                NDArray x = manager.create(new float[] {1, 2, 3});
                x.setRequiresGradient(true);
                synchronized (EngineLocks.GRADIENTS) {
                    try (GradientCollector collector =
                            Engine.getEngine(engineName()).newGradientCollector()) {
                        collector.backward(x.mul(x).sum());
                    }
                }
                assertThat(x.getGradient().toFloatArray()).containsExactly(2f, 4f, 6f);
            }
        } else {
            assertThatThrownBy(() -> Engine.getEngine(engineName()).newGradientCollector())
                    .as("%s does not declare training, so it takes no gradients", engineName())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        if (declared.contains(EngineCapability.EXPORT)) {
            assertThatCode(() -> engines.exporter(engineName())).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> engines.exporter(engineName()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private void requires(EngineCapability... needed) {
        Set<EngineCapability> declared = engines.capabilities(engineName());
        for (EngineCapability capability : needed) {
            assumeTrue(
                    declared.contains(capability),
                    () -> engineName() + " does not declare " + capability);
        }
    }

    static Stream<Arguments> operationsAndStrides() {
        return OpRegistry.discover().names().stream()
                .sorted()
                .flatMap(name -> Stream.of(Arguments.of(name, 1), Arguments.of(name, 2)));
    }

    @ParameterizedTest(name = "{0} stride {1}")
    @MethodSource("operationsAndStrides")
    void everyOperationRunsForwardWithTheShapeItDeclares(String operation, int stride) {
        requires(EngineCapability.FORWARD);
        Block block = OpRegistry.discover().create(operation, new OpContext(8, stride, true));
        Shape input = new Shape(2, 8, 9, 9);
        try (NDManager manager = newManager()) {
            initialize(block, manager, input);
            NDArray x = ReferenceNetworks.uniform(manager, input, SEED).sub(0.5f);
            NDArray y =
                    block.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(block.getOutputShapes(new Shape[] {input})[0]);
            assertFinite(y.toFloatArray(), operation);
        }
    }

    @ParameterizedTest(name = "{0} stride {1}")
    @MethodSource("operationsAndStrides")
    void everyOperationHasFiniteGradients(String operation, int stride) {
        requires(EngineCapability.TRAIN);
        Block block = OpRegistry.discover().create(operation, new OpContext(8, stride, true));
        Shape input = new Shape(2, 8, 9, 9);
        try (NDManager manager = newManager()) {
            initialize(block, manager, input);
            NDArray x = ReferenceNetworks.uniform(manager, input, SEED).sub(0.5f);
            x.setRequiresGradient(true);
            if (operation.equals(ZERO_OPERATION)) {
                NDArray y =
                        block.forward(new ParameterStore(manager, false), new NDList(x), true)
                                .singletonOrThrow();
                assertThat(maxAbs(y.toFloatArray())).as("the zero operation's output").isZero();
                return; // its output does not depend on its input: there is no gradient to take
            }
            synchronized (EngineLocks.GRADIENTS) {
                try (GradientCollector collector =
                        Engine.getEngine(engineName()).newGradientCollector()) {
                    NDArray y =
                            block.forward(new ParameterStore(manager, false), new NDList(x), true)
                                    .singletonOrThrow();
                    NDArray weights = ReferenceNetworks.uniform(manager, y.getShape(), SEED + 1);
                    collector.backward(y.mul(weights).sum());
                }
            }
            float[] inputGradient = x.getGradient().toFloatArray();
            assertFinite(inputGradient, operation + " input gradient");
            assertThat(maxAbs(inputGradient)).as("%s input gradient", operation).isPositive();
            for (Pair<String, Parameter> parameter : block.getParameters()) {
                if (parameter.getValue().requiresGradient()) {
                    assertFinite(
                            parameter.getValue().getArray().getGradient().toFloatArray(),
                            operation + " " + parameter.getKey());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-cnn", "nas-bench-201", "darts", "mobilenet"})
    void readySpacesCompileAndClassify(String spaceId) {
        requires(EngineCapability.FORWARD);
        SearchSpace space = ReferenceNetworks.space(spaceId);
        for (long seed = 0; seed < 3; seed++) {
            Architecture architecture = ReferenceNetworks.architecture(space, seed);
            try (Model model =
                    ReferenceNetworks.initialized(
                            engineName(), space.compile(architecture), seed)) {
                NDArray images = ReferenceNetworks.images(model.getNDManager(), 2, seed);
                float[] logits =
                        ReferenceNetworks.predict(model, images.toFloatArray(), images.getShape());
                assertThat(logits)
                        .as("%s %s", spaceId, architecture)
                        .hasSize(2 * ReferenceNetworks.CLASSES);
                assertFinite(logits, spaceId + " " + architecture);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-cnn", "nas-bench-201", "darts", "mobilenet"})
    void aTrainingStepLowersTheLossOnAFixedBatch(String spaceId) {
        requires(EngineCapability.TRAIN);
        SearchSpace space = ReferenceNetworks.space(spaceId);
        Architecture architecture = ReferenceNetworks.architecture(space, SEED);
        try (Model model =
                ReferenceNetworks.initialized(engineName(), space.compile(architecture), SEED)) {
            float[] losses = ReferenceNetworks.train(model, 12, 0.05f, SEED);
            assertFinite(losses, "losses");
            assertThat(losses[losses.length - 1])
                    .as(
                            "loss after %d steps on one batch, %s",
                            losses.length, Arrays.toString(losses))
                    .isLessThan(0.8f * losses[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nas-bench-201", "darts"})
    void architectureWeightsReceiveGradients(String spaceId) {
        requires(EngineCapability.ARCHITECTURE_GRADIENTS);
        OneShotSpace space = (OneShotSpace) ReferenceNetworks.space(spaceId);
        try (NDManager manager = newManager()) {
            ArchitectureWeights alphas =
                    ArchitectureWeights.create(manager, space.searchCells(), SEED, 1e-3);
            Block supernet = space.superNet(alphas);
            initialize(supernet, manager, ReferenceNetworks.batchShape(4));
            NDArray x = ReferenceNetworks.images(manager, 4, SEED);
            NDArray y = ReferenceNetworks.labels(manager, 4, SEED + 1);
            synchronized (EngineLocks.GRADIENTS) {
                try (GradientCollector collector =
                        Engine.getEngine(engineName()).newGradientCollector()) {
                    NDArray logits =
                            supernet.forward(
                                            new ParameterStore(manager, false), new NDList(x), true)
                                    .singletonOrThrow();
                    collector.backward(
                            Loss.softmaxCrossEntropyLoss()
                                    .evaluate(new NDList(y), new NDList(logits)));
                }
            }
            double largest = 0;
            for (NDArray alpha : alphas.arrays()) {
                float[] gradient = alpha.getGradient().toFloatArray();
                assertFinite(gradient, "α gradient");
                largest = Math.max(largest, maxAbs(gradient));
            }
            assertThat(largest).as("largest α gradient").isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nas-bench-201", "darts"})
    void mixedOperationsGiveTheSameSumsAndGradientsInEveryForm(String spaceId) {
        requires(EngineCapability.ARCHITECTURE_GRADIENTS);
        List<float[]> looped = mixedPass(spaceId, MixingForm.LOOPED);
        String[] names = {"logits", "input gradient", "α gradients"};
        for (MixingForm form : List.of(MixingForm.STACKED, MixingForm.MATRIX_PRODUCT)) {
            List<float[]> other = mixedPass(spaceId, form);
            for (int i = 0; i < names.length; i++) {
                float[] expected = looped.get(i);
                // Float rounding only: the forms add the same terms in a different order.
                assertThat(maxAbsDifference(expected, other.get(i)))
                        .as("%s, %s against looped (largest %s)", names[i], form, maxAbs(expected))
                        .isLessThanOrEqualTo(1e-5 * maxAbs(expected) + 1e-9);
            }
        }
    }

    /** One forward and backward pass of a fresh supernet: logits, input and α gradients. */
    private List<float[]> mixedPass(String spaceId, MixingForm form) {
        OneShotSpace space = (OneShotSpace) ReferenceNetworks.space(spaceId);
        try (NDManager manager = newManager()) {
            ArchitectureWeights alphas =
                    ArchitectureWeights.create(manager, space.searchCells(), SEED, 1.0);
            alphas.setMixingForm(form);
            Block supernet = space.superNet(alphas);
            initialize(supernet, manager, ReferenceNetworks.batchShape(4));
            NDArray x = ReferenceNetworks.images(manager, 4, SEED);
            x.setRequiresGradient(true);
            NDArray y = ReferenceNetworks.labels(manager, 4, SEED + 1);
            float[] logits;
            synchronized (EngineLocks.GRADIENTS) {
                try (GradientCollector collector =
                        Engine.getEngine(engineName()).newGradientCollector()) {
                    NDArray out =
                            supernet.forward(
                                            new ParameterStore(manager, false), new NDList(x), true)
                                    .singletonOrThrow();
                    logits = out.toFloatArray();
                    collector.backward(
                            Loss.softmaxCrossEntropyLoss()
                                    .evaluate(new NDList(y), new NDList(out)));
                }
            }
            List<Float> alphaGradients = new ArrayList<>();
            for (NDArray alpha : alphas.arrays()) {
                for (float value : alpha.getGradient().toFloatArray()) {
                    alphaGradients.add(value);
                }
            }
            float[] alphaGradient = new float[alphaGradients.size()];
            for (int i = 0; i < alphaGradient.length; i++) {
                alphaGradient[i] = alphaGradients.get(i);
            }
            assertThat(maxAbs(alphaGradient)).as("largest α gradient, %s", form).isPositive();
            return List.of(logits, x.getGradient().toFloatArray(), alphaGradient);
        }
    }

    @Test
    void savedWeightsLoadIntoAFreshNetworkAndPredictTheSame() throws Exception {
        requires(EngineCapability.TRAIN);
        SearchSpace space = ReferenceNetworks.space("nas-bench-201");
        Architecture architecture = ReferenceNetworks.architecture(space, SEED);
        float[] images = imagesOnTheHost(4);
        float[] before;
        try (Model model =
                ReferenceNetworks.initialized(engineName(), space.compile(architecture), SEED)) {
            ReferenceNetworks.train(model, 3, 0.05f, SEED);
            before = ReferenceNetworks.predict(model, images, ReferenceNetworks.batchShape(4));
            model.save(folder, "network");
        }
        try (Model model =
                ReferenceNetworks.initialized(
                        engineName(), space.compile(architecture), SEED + 9)) {
            model.load(folder, "network");
            float[] after =
                    ReferenceNetworks.predict(model, images, ReferenceNetworks.batchShape(4));
            assertThat(maxAbsDifference(before, after)).isLessThanOrEqualTo(1e-6);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-cnn", "nas-bench-201", "darts", "mobilenet"})
    void weightsTrainedOnOneEngineGiveTheSamePredictionsOnAnother(String spaceId) throws Exception {
        requires(EngineCapability.FORWARD);
        List<String> others = otherEngines(EngineCapability.FORWARD);
        assumeTrue(!others.isEmpty(), "no other engine that runs networks is on the class path");
        SearchSpace space = ReferenceNetworks.space(spaceId);
        Architecture architecture = ReferenceNetworks.architecture(space, SEED);
        float[] images = imagesOnTheHost(4);
        List<String> pairs = new ArrayList<>();
        for (String other : others) {
            for (String[] direction :
                    new String[][] {{engineName(), other}, {other, engineName()}}) {
                if (!engines.capabilities(direction[0]).contains(EngineCapability.TRAIN)) {
                    continue;
                }
                double difference =
                        crossEngineDifference(
                                space, architecture, direction[0], direction[1], images);
                pairs.add(direction[0] + "→" + direction[1] + " " + difference);
                assertThat(difference)
                        .as(
                                "%s trained on %s, predicted on %s",
                                spaceId, direction[0], direction[1])
                        .isLessThanOrEqualTo(CROSS_ENGINE_TOLERANCE);
            }
        }
        System.out.println("max |Δ logit| " + spaceId + ": " + pairs);
        assumeTrue(!pairs.isEmpty(), "neither engine of any pair can train");
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-cnn", "nas-bench-201", "darts", "mobilenet"})
    void exportedNetworksPredictAsOnTheEngineThatTrainedThem(String spaceId) throws Exception {
        requires(EngineCapability.EXPORT);
        String trainer = trainingEngine();
        SearchSpace space = ReferenceNetworks.space(spaceId);
        Architecture architecture = ReferenceNetworks.architecture(space, SEED);
        float[] images = imagesOnTheHost(4);
        float[] expected;
        Path exported = folder.resolve("exported");
        try (Model model =
                ReferenceNetworks.initialized(trainer, space.compile(architecture), SEED)) {
            ReferenceNetworks.train(model, 3, 0.05f, SEED);
            expected = ReferenceNetworks.predict(model, images, ReferenceNetworks.batchShape(4));
            engines.exporter(engineName())
                    .export(model.getBlock(), ReferenceNetworks.IMAGE, exported);
        }
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(exported)
                        .optEngine(engineName())
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager(engineName())) {
            NDArray x = manager.create(images, ReferenceNetworks.batchShape(4));
            float[] actual = predictor.predict(new NDList(x)).singletonOrThrow().toFloatArray();
            double difference = maxAbsDifference(expected, actual);
            System.out.printf(
                    "export %s trained on %s, run on %s: max |Δ logit| %.2e%n",
                    spaceId, trainer, engineName(), difference);
            assertThat(difference).isLessThanOrEqualTo(CROSS_ENGINE_TOLERANCE);
        }
    }

    @Test
    void engineThatCannotTrainIsRefusedNamingThoseThatCan() {
        Set<EngineCapability> declared = engines.capabilities(engineName());
        assumeTrue(!declared.contains(EngineCapability.TRAIN), engineName() + " can train");
        assertThatThrownBy(
                        () ->
                                engines.select(
                                        java.util.Optional.of(engineName()),
                                        EngineCapability.TRAIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(engineName() + " cannot train")
                .hasMessageContaining("engines that can");
    }

    @Test
    void deviceIsTheOneAskedForAndAMissingGpuIsAnError() {
        requires(EngineCapability.FORWARD);
        String previous = System.getProperty(DeviceChoice.DEVICE_PROPERTY);
        try {
            System.setProperty(DeviceChoice.DEVICE_PROPERTY, "cpu");
            assertThat(DeviceChoice.forEngine(engineName()).isGpu()).isFalse();
            int gpus = Engine.getEngine(engineName()).getGpuCount();
            System.setProperty(DeviceChoice.DEVICE_PROPERTY, "gpu" + gpus);
            assertThatThrownBy(() -> DeviceChoice.forEngine(engineName()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gpu" + gpus)
                    .hasMessageContaining(engineName());
        } finally {
            if (previous == null) {
                System.clearProperty(DeviceChoice.DEVICE_PROPERTY);
            } else {
                System.setProperty(DeviceChoice.DEVICE_PROPERTY, previous);
            }
        }
    }

    @Test
    @Tag("integration")
    void aShortSearchTrainsRealNetworksOnFashionMnist() throws Exception {
        requires(EngineCapability.TRAIN);
        SearchReport report = shortSearch(engineName(), 2, "search");
        assertThat(report.result().trials())
                .hasSize(2)
                .allSatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.DONE));
        assertThat(report.best()).isPresent();
        assertThat(report.best().get().metrics().get("accuracy")).isGreaterThan(0.25);
    }

    @Test
    @Tag("integration")
    void searchesOnEachEngineAreUnaffectedByTheOthers() throws Exception {
        requires(EngineCapability.TRAIN);
        List<String> others = otherEngines(EngineCapability.TRAIN);
        assumeTrue(!others.isEmpty(), "no other engine that trains is on the class path");
        List<String> all = new ArrayList<>();
        all.add(engineName());
        all.addAll(others);
        Map<String, Double> first = new LinkedHashMap<>();
        for (String engine : all) {
            first.put(engine, shortSearchAccuracy(engine, "first-" + engine));
        }
        for (String engine : all) {
            assertThat(shortSearchAccuracy(engine, "again-" + engine))
                    .as("accuracy of the same search on %s after searches on %s", engine, all)
                    .isEqualTo(first.get(engine));
        }
    }

    private double shortSearchAccuracy(String engine, String name) throws Exception {
        SearchReport report = shortSearch(engine, 1, name);
        assertThat(report.best()).as("a finished trial on %s", engine).isPresent();
        return report.best().get().metrics().get("accuracy");
    }

    private SearchReport shortSearch(String engine, int trials, String name) throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .optSpaceSettings(
                                Map.of("input-channels", "1", "channels", "8", "cells", "1"))
                        .setStrategy("random")
                        .optDataset("fashion-mnist")
                        .optEngine(engine)
                        .optSeed(SEED)
                        .optTrials(trials)
                        .optMaxTrainExamples(1000)
                        .build();
        try (SearchSession session =
                SearchSession.create(folder.resolve(name), config, Plugins.discover())) {
            return session.run(List.of());
        }
    }

    private double crossEngineDifference(
            SearchSpace space,
            Architecture architecture,
            String trainer,
            String predictor,
            float[] images)
            throws Exception {
        Path saved = folder.resolve(trainer + "-to-" + predictor);
        float[] expected;
        try (Model model =
                ReferenceNetworks.initialized(trainer, space.compile(architecture), SEED)) {
            ReferenceNetworks.train(model, 3, 0.05f, SEED);
            expected = ReferenceNetworks.predict(model, images, ReferenceNetworks.batchShape(4));
            model.save(saved, "network");
        }
        try (Model model =
                ReferenceNetworks.initialized(predictor, space.compile(architecture), SEED + 1)) {
            model.load(saved, "network");
            float[] actual =
                    ReferenceNetworks.predict(model, images, ReferenceNetworks.batchShape(4));
            return maxAbsDifference(expected, actual);
        }
    }

    private String trainingEngine() {
        List<String> trainers = otherEngines(EngineCapability.TRAIN);
        assumeTrue(!trainers.isEmpty(), "no engine that trains is on the class path");
        return trainers.contains("PyTorch") ? "PyTorch" : trainers.get(0);
    }

    private List<String> otherEngines(EngineCapability capability) {
        return engines.available().stream()
                .filter(info -> !info.name().equals(engineName()))
                .filter(info -> info.capabilities().contains(capability))
                .map(info -> info.name())
                .toList();
    }

    private NDManager newManager() {
        return NDManager.newBaseManager(DeviceChoice.forEngine(engineName()), engineName());
    }

    private void initialize(Block block, NDManager manager, Shape input) {
        synchronized (EngineLocks.RANDOM) {
            Engine.getEngine(engineName()).setRandomSeed(Math.toIntExact(SEED));
            block.initialize(manager, DataType.FLOAT32, input);
        }
    }

    private static float[] imagesOnTheHost(int batch) {
        return ReferenceNetworks.uniformValues(ReferenceNetworks.batchShape(batch), SEED + 7);
    }

    private static void assertFinite(float[] values, String what) {
        for (float value : values) {
            assertThat(Float.isFinite(value)).as("%s has only finite values", what).isTrue();
        }
    }

    private static double maxAbs(float[] values) {
        double largest = 0;
        for (float value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    private static double maxAbsDifference(float[] expected, float[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
        }
        return largest;
    }
}
