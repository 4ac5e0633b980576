package org.djlnas.runtime.zerocost;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.TaskMeasure;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.space.SearchSpace;

/**
 * One architecture as a proxy sees it: its network compiled afresh and initialised as the training
 * evaluator initialises it (He-normal weights), seeded with the trial's seed, and a minibatch of
 * training examples drawn with the same seed. Everything it creates lives in its own manager and is
 * freed by {@link #close()}.
 */
public final class ProxyNetwork implements AutoCloseable {

    private final SearchSpace space;
    private final Architecture architecture;
    private final long seed;
    private final String engineName;
    private final EngineSelector engines;
    private final Shape exampleShape;
    private final Optional<ProxyData> data;
    private final NDManager manager;
    private final List<Batch> batches = new ArrayList<>();
    private Minibatch minibatch;

    /**
     * Prepares an architecture.
     *
     * @param space its space
     * @param architecture the architecture
     * @param seed the trial's seed: of the weights and of the minibatch
     * @param engineName the DJL engine to compute on
     * @param engines the engine modules, which open the engine's gradient collectors
     * @param device the device
     * @param exampleShape the shape of one example, without the batch axis
     * @param data where the minibatch comes from, for proxies that use data
     */
    ProxyNetwork(
            SearchSpace space,
            Architecture architecture,
            long seed,
            String engineName,
            EngineSelector engines,
            Device device,
            Shape exampleShape,
            Optional<ProxyData> data) {
        this.space = requireNonNull(space, "space is null");
        this.architecture = requireNonNull(architecture, "architecture is null");
        this.seed = seed;
        this.engineName = requireNonNull(engineName, "engineName is null");
        this.engines = requireNonNull(engines, "engines is null");
        this.exampleShape = requireNonNull(exampleShape, "exampleShape is null");
        this.data = requireNonNull(data, "data is null");
        this.manager = NDManager.newBaseManager(device, engineName);
    }

    /**
     * Returns the manager every array of this network lives in.
     *
     * @return the manager
     */
    public NDManager manager() {
        return manager;
    }

    /**
     * Returns the shape of one example, without the batch axis.
     *
     * @return the shape
     */
    public Shape exampleShape() {
        return exampleShape;
    }

    /**
     * Returns the engine's name.
     *
     * @return the name
     */
    public String engineName() {
        return engineName;
    }

    /**
     * Opens the engine's gradient collector for a forward pass in training or in inference mode.
     *
     * @param training whether the forward pass runs in training mode
     * @return the collector, to be closed
     */
    GradientCollector newGradientCollector(boolean training) {
        return training
                ? manager.getEngine().newGradientCollector()
                : engines.newInferenceModeGradientCollector(engineName);
    }

    /**
     * Compiles the architecture and initialises its parameters with the trial's seed.
     *
     * @param dataType the parameters' type
     * @param batchSize the batch size of the inputs it will see
     * @return the initialised block
     */
    public Block initialized(DataType dataType, long batchSize) {
        Block block = space.compile(architecture);
        block.setInitializer(
                new XavierInitializer(
                        XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
                Parameter.Type.WEIGHT);
        synchronized (EngineLocks.RANDOM) {
            Engine.getEngine(engineName).setRandomSeed(engineSeed(seed));
            block.initialize(manager, dataType, new Shape(batchSize).addAll(exampleShape));
        }
        return block;
    }

    /**
     * Returns the minibatch: the first batch of the training examples in the order the trial's seed
     * gives them, the same for the same seed.
     *
     * @return the inputs and their labels
     * @throws IOException if the data cannot be read
     * @throws IllegalStateException if the proxy was given no data
     */
    public Minibatch minibatch() throws IOException {
        if (minibatch == null) {
            ProxyData source =
                    data.orElseThrow(() -> new IllegalStateException("this proxy has no data"));
            RandomAccessDataset train =
                    source.data()
                            .train(
                                    source.split(),
                                    source.maxTrainExamples(),
                                    source.batchSize(),
                                    seed);
            try {
                Iterator<Batch> iterator = train.getData(manager).iterator();
                if (!iterator.hasNext()) {
                    throw new IOException(
                            "data set '" + source.data().id() + "' has no training examples");
                }
                Batch batch = iterator.next();
                batches.add(batch);
                minibatch = new Minibatch(batch.getData(), batch.getLabels().singletonOrThrow());
            } catch (TranslateException e) {
                throw new IOException(
                        "cannot read data set '" + source.data().id() + "': " + e.getMessage(), e);
            }
        }
        return minibatch;
    }

    /**
     * Returns the kind of input the data has, if the proxy was given data.
     *
     * @return the input
     * @throws IOException if the data cannot be read
     */
    public Optional<DataInput> input() throws IOException {
        return data.isPresent() ? Optional.of(data.get().data().input()) : Optional.empty();
    }

    /**
     * Returns the loss the training evaluator trains with, for the data's task.
     *
     * @return the loss
     * @throws IOException if the data cannot be read
     * @throws IllegalStateException if the proxy was given no data
     */
    public Loss loss() throws IOException {
        return TaskMeasure.loss(
                data.orElseThrow(() -> new IllegalStateException("this proxy has no data"))
                        .data()
                        .task());
    }

    @Override
    public void close() {
        for (Batch batch : batches) {
            batch.close();
        }
        manager.close();
    }

    /** Folds a 64-bit trial seed into the engine's 32-bit seed, as the training evaluator does. */
    private static int engineSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }

    /**
     * A minibatch.
     *
     * @param inputs the inputs, batch first
     * @param labels the labels
     */
    public record Minibatch(NDList inputs, NDArray labels) {}
}
