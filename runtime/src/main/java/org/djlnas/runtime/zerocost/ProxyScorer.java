package org.djlnas.runtime.zerocost;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.space.SearchSpace;

/**
 * Scores architectures of one space with one proxy on one engine: the evaluator's and the
 * prefilter's common part. The same architecture, seed and examples give the same score.
 */
public final class ProxyScorer {

    private final SearchSpace space;
    private final ZeroCostProxy proxy;
    private final String engineName;
    private final EngineSelector engines;
    private final Device device;
    private final Shape exampleShape;
    private final Optional<DataSource> data;
    private final DataSplit split;
    private final int batchSize;

    /**
     * Creates a scorer.
     *
     * @param space the space
     * @param proxy the proxy
     * @param engineName the engine to compute on
     * @param engines the engine modules, which open the engine's gradient collectors
     * @param exampleShape the shape of one input example, without the batch axis
     * @param data the data set, needed by the proxies that use data
     * @param split the train/validation split; the minibatch comes from the training part
     * @param batchSize the minibatch's size
     * @throws IllegalArgumentException if the proxy uses data and there is none, or cannot be
     *     computed on the data's input
     * @throws IOException if the data's input cannot be read
     */
    public ProxyScorer(
            SearchSpace space,
            ZeroCostProxy proxy,
            String engineName,
            EngineSelector engines,
            Shape exampleShape,
            Optional<DataSource> data,
            DataSplit split,
            int batchSize)
            throws IOException {
        this.space = requireNonNull(space, "space is null");
        this.proxy = requireNonNull(proxy, "proxy is null");
        this.engineName = requireNonNull(engineName, "engineName is null");
        this.engines = requireNonNull(engines, "engines is null");
        this.exampleShape = requireNonNull(exampleShape, "exampleShape is null");
        this.data = requireNonNull(data, "data is null");
        this.split = requireNonNull(split, "split is null");
        this.batchSize = batchSize;
        if (proxy.usesData() && data.isEmpty()) {
            throw new IllegalArgumentException(
                    "proxy '" + proxy.id() + "' scores a minibatch of data; give `dataset`");
        }
        if (data.isPresent()) {
            proxy.checkInput(Optional.of(data.get().input()));
        }
        this.device = DeviceChoice.forEngine(engineName);
    }

    /**
     * Returns the proxy.
     *
     * @return the proxy
     */
    public ZeroCostProxy proxy() {
        return proxy;
    }

    /**
     * Scores one architecture.
     *
     * @param architecture the architecture
     * @param seed the seed of its weights and minibatch
     * @param maxTrainExamples the cap on the training examples the minibatch is drawn from, or 0
     * @return the proxy's score
     * @throws TrialFailedException if the proxy cannot score this network
     * @throws IOException if the data cannot be read
     */
    public double score(Architecture architecture, long seed, int maxTrainExamples)
            throws TrialFailedException, IOException {
        Optional<ProxyData> minibatch =
                proxy.usesData()
                        ? data.map(d -> new ProxyData(d, split, maxTrainExamples, batchSize))
                        : Optional.empty();
        try (ProxyNetwork network =
                new ProxyNetwork(
                        space,
                        architecture,
                        seed,
                        engineName,
                        engines,
                        device,
                        exampleShape,
                        minibatch)) {
            return proxy.score(network);
        }
    }
}
