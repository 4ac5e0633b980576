package org.djlnas.strategies.oneshot;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.OneShotSpace;
import org.jspecify.annotations.Nullable;

/**
 * A space's supernet on one engine: the network block, its weights and its architecture parameters
 * α, and the forward and backward passes the bilevel optimisation needs. Everything goes through
 * DJL's API, so it runs on every engine that trains.
 */
final class Supernet implements AutoCloseable {

    /** The standard deviation of α at the start, as in DARTS. */
    static final double ALPHA_SCALE = 1e-3;

    private static final NDIndex ALL = new NDIndex("...");

    private final NDManager manager;
    private final Block block;
    private final ArchitectureWeights alphas;
    private final List<NDArray> weights;
    private final ParameterStore parameterStore;
    private final Task task;
    private final Loss loss;
    private boolean weightGradientsExist;
    private boolean alphaGradientsExist;
    private @Nullable Gradients tracked;
    private @Nullable PathSampler sampler;
    private ImageMemoryFormat imageMemoryFormat = ImageMemoryFormat.CONTIGUOUS;

    private Supernet(NDManager manager, Block block, ArchitectureWeights alphas, Task task) {
        this.manager = manager;
        this.task = task;
        this.loss = TaskMeasure.loss(task);
        this.block = block;
        this.alphas = alphas;
        this.weights =
                block.getParameters().values().stream()
                        .filter(Parameter::requiresGradient)
                        .map(Parameter::getArray)
                        .toList();
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * Builds and initializes a supernet: α from the seed on the host, weights with He
     * initialisation from the engine's generator seeded with the same seed.
     *
     * @param space the space
     * @param engine the engine's name
     * @param batchShape the shape of one input batch
     * @param seed the seed
     * @param task what the supernet learns, which chooses its loss
     * @return the supernet
     */
    static Supernet create(
            OneShotSpace space, String engine, Shape batchShape, long seed, Task task) {
        NDManager manager = Engine.getEngine(engine).newBaseManager(DeviceChoice.forEngine(engine));
        try {
            ArchitectureWeights alphas =
                    ArchitectureWeights.create(manager, space.searchCells(), seed, ALPHA_SCALE);
            Block block = space.superNet(alphas);
            block.setInitializer(
                    new XavierInitializer(
                            XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN,
                            2),
                    Parameter.Type.WEIGHT);
            synchronized (EngineLocks.RANDOM) {
                Engine.getEngine(engine).setRandomSeed((int) (seed ^ (seed >>> 32)));
                block.initialize(manager, DataType.FLOAT32, batchShape);
            }
            return new Supernet(manager, block, alphas, task);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Builds and initializes the supernet of a one-shot search (see {@link #create(OneShotSpace,
     * String, Shape, long, Task)}) for its space, engine, seed and data.
     *
     * @param context the search's context
     * @param data the search's data, which gives the example shape and the task
     * @param batchSize the examples per batch
     * @return the supernet
     */
    static Supernet create(OneShotContext context, OneShotData data, int batchSize) {
        Supernet supernet =
                create(
                        context.space(),
                        context.engine(),
                        new Shape(batchSize).addAll(data.exampleShape()),
                        context.seed(),
                        data.task());
        supernet.alphas.setMixingForm(context.mixingForm());
        supernet.arrangeImages(context.imageMemoryFormat());
        return supernet;
    }

    /**
     * Opens a manager for arrays that live beside the supernet's (checkpoint state, batches).
     *
     * @return a sub-manager of the supernet's, closed with it at the latest
     */
    NDManager newSubManager() {
        return manager.newSubManager();
    }

    ArchitectureWeights alphas() {
        return alphas;
    }

    List<NDArray> weights() {
        return weights;
    }

    /**
     * Returns every parameter array of the network by its DJL name (weights and running
     * statistics), in {@link #parameterArrays()} order, for meta-training.
     *
     * @return name → array
     */
    Map<String, NDArray> namedParameters() {
        Map<String, NDArray> named = new LinkedHashMap<>();
        block.getParameters().forEach(p -> named.put(p.getKey(), p.getValue().getArray()));
        return named;
    }

    /**
     * Returns the names of the parameters of the network's last child block, its classifier head in
     * every space here, whose shape and meaning depend on the task.
     *
     * @return the names, as in {@link #namedParameters()}
     */
    Set<String> headParameterNames() {
        var children = block.getChildren();
        if (children.isEmpty()) {
            return Set.of();
        }
        String prefix = children.get(children.size() - 1).getKey() + "_";
        Set<String> names = new LinkedHashSet<>();
        for (String name : block.getParameters().keys()) {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Runs a batch forward in training mode and backward, leaving in the wanted arrays (the
     * weights, α, or both) the gradient of this batch's mean loss; their earlier gradients are
     * cleared first. The others are left out of the tape: an architecture step computes no weight
     * gradient (the convolutions skip their weight-gradient kernels) and a weight step keeps no
     * operation output alive for α's gradient. The activations are freed as soon as the gradients
     * are computed, so that consecutive passes of one search step never hold two networks'
     * activations.
     *
     * @param batch the batch
     * @param wanted which gradients to compute
     * @return the batch's loss and metrics
     */
    BatchResult backward(Batch batch, Gradients wanted) {
        track(wanted);
        clearGradients(wanted);
        synchronized (EngineLocks.GRADIENTS) {
            try (NDScope activations = new NDScope();
                    GradientCollector collector = manager.getEngine().newGradientCollector()) {
                activations.suppressNotUsedWarning();
                NDArray logits = forward(batch, true);
                NDArray value = loss.evaluate(batch.getLabels(), new NDList(logits));
                collector.backward(value);
                if (wanted.weights) {
                    weightGradientsExist = true;
                }
                if (wanted.architecture) {
                    alphaGradientsExist = true;
                }
                return BatchResult.of(value, logits, batch.getLabels().singletonOrThrow(), task);
            }
        }
    }

    private void track(Gradients wanted) {
        if (tracked == wanted) {
            return;
        }
        if (tracked == null || tracked.weights != wanted.weights) {
            weights.forEach(w -> w.setRequiresGradient(wanted.weights));
        }
        if (tracked == null || tracked.architecture != wanted.architecture) {
            alphas.arrays().forEach(a -> a.setRequiresGradient(wanted.architecture));
        }
        tracked = wanted;
    }

    /**
     * Runs a batch forward in evaluation mode (running batch statistics).
     *
     * @param batch the batch
     * @return the batch's loss and metrics
     */
    BatchResult evaluate(Batch batch) {
        try (NDScope activations = new NDScope()) {
            activations.suppressNotUsedWarning();
            NDArray logits = forward(batch, false);
            NDArray value = loss.evaluate(batch.getLabels(), new NDList(logits));
            return BatchResult.of(value, logits, batch.getLabels().singletonOrThrow(), task);
        }
    }

    /**
     * Makes every later forward pass compute a single path: before each pass, inside its gradient
     * tape, the sampler chooses each edge's candidate; after it, the edges go back to their
     * mixtures.
     *
     * @param sampler what chooses each pass's path, or null for the full mixtures
     */
    void samplePaths(@Nullable PathSampler sampler) {
        this.sampler = sampler;
    }

    /**
     * Lays every later batch's images out in memory in this format before they go forward.
     *
     * @param format the engine's format ({@link
     *     org.djlnas.api.engine.EngineSupport#imageMemoryFormat()}); contiguous until set
     */
    void arrangeImages(ImageMemoryFormat format) {
        this.imageMemoryFormat = format;
    }

    private NDArray forward(Batch batch, boolean training) {
        NDList inputs = imageMemoryFormat.arrange(batch.getData());
        if (sampler == null) {
            return block.forward(parameterStore, inputs, training).singletonOrThrow();
        }
        alphas.choosePaths(sampler.sample(alphas));
        try {
            return block.forward(parameterStore, inputs, training).singletonOrThrow();
        } finally {
            alphas.clearPaths();
        }
    }

    /**
     * Returns α's gradients from the last backward pass, as new arrays.
     *
     * @return one gradient per α vector, in {@link ArchitectureWeights#labels()} order
     */
    List<NDArray> alphaGradients() {
        return copiesOfGradients(alphas.arrays());
    }

    /**
     * Returns the weights' gradients from the last backward pass, as new arrays.
     *
     * @return one gradient per weight
     */
    List<NDArray> weightGradients() {
        return copiesOfGradients(weights);
    }

    /**
     * Scales the weights' gradients down so that their global L2 norm is at most {@code maxNorm},
     * as PyTorch's {@code clip_grad_norm_}.
     *
     * @param maxNorm the largest norm, or 0 for no clipping
     * @return the norm before clipping (NaN or infinite if a gradient is not finite)
     */
    double clipWeightGradients(double maxNorm) {
        List<NDArray> gradients = new ArrayList<>();
        for (NDArray weight : weights) {
            gradients.add(weight.getGradient());
        }
        double norm = globalNorm(gradients);
        if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (NDArray gradient : gradients) {
                gradient.muli(scale);
            }
        }
        return norm;
    }

    /**
     * Copies the weights, to be put back exactly with {@link #restoreWeights}.
     *
     * @return one copy per weight, to be closed by the caller
     */
    List<NDArray> copyWeights() {
        return weights.stream().map(NDArray::duplicate).toList();
    }

    /**
     * Puts saved weights back, bit for bit, into the weight arrays themselves.
     *
     * @param saved what {@link #copyWeights()} returned
     */
    void restoreWeights(List<NDArray> saved) {
        for (int i = 0; i < weights.size(); i++) {
            saved.get(i).copyTo(weights.get(i));
        }
    }

    /**
     * Moves every weight in place by a multiple of a direction: {@code w ← w + by · d}, outside the
     * gradient tape (never while a gradient collector is open).
     *
     * @param direction one array per weight
     * @param by the multiple
     */
    void moveWeights(List<NDArray> direction, double by) {
        for (int i = 0; i < weights.size(); i++) {
            try (NDArray step = direction.get(i).mul(by)) {
                weights.get(i).addi(step);
            }
        }
    }

    /**
     * Returns every parameter array of the network (weights and batch normalisation's running
     * statistics), in a fixed order, for checkpoints.
     *
     * @return the arrays
     */
    NDList parameterArrays() {
        NDList arrays = new NDList();
        block.getParameters().values().forEach(p -> arrays.add(p.getArray()));
        return arrays;
    }

    /**
     * Returns the arrays of batch normalisation's running statistics (means and variances), in a
     * fixed order.
     *
     * @return the arrays
     */
    List<NDArray> runningStatistics() {
        return BatchNormRecalibration.runningStatistics(block);
    }

    /**
     * Overwrites every parameter array in place from a checkpoint. (DJL's {@code
     * Block.loadParameters} would replace the arrays with new ones, which neither the optimizers
     * nor the gradient tape know.)
     *
     * @param saved the arrays of {@link #parameterArrays()}, as saved
     */
    void loadParameterArrays(NDList saved) {
        Checkpoints.copyInto(saved, parameterArrays(), "network parameters");
    }

    /**
     * The L2 norm of several arrays taken together.
     *
     * @param arrays the arrays
     * @return the norm
     */
    static double globalNorm(List<NDArray> arrays) {
        NDArray total = null;
        for (NDArray array : arrays) {
            NDArray squares = array.square().sum();
            total = total == null ? squares : total.add(squares);
        }
        return total == null ? 0 : Math.sqrt(total.getFloat());
    }

    private static List<NDArray> copiesOfGradients(List<NDArray> arrays) {
        List<NDArray> copies = new ArrayList<>();
        for (NDArray array : arrays) {
            copies.add(array.getGradient().mul(1));
        }
        return copies;
    }

    private void clearGradients(Gradients wanted) {
        if (wanted.weights && weightGradientsExist) {
            for (NDArray weight : weights) {
                weight.getGradient().set(ALL, 0);
            }
        }
        if (wanted.architecture && alphaGradientsExist) {
            for (NDArray alpha : alphas.arrays()) {
                alpha.getGradient().set(ALL, 0);
            }
        }
    }

    /** Which arrays a backward pass computes gradients for. */
    enum Gradients {
        /** The network's weights only (a weight step). */
        WEIGHTS(true, false),
        /** α only (an architecture step). */
        ARCHITECTURE(false, true);

        private final boolean weights;
        private final boolean architecture;

        Gradients(boolean weights, boolean architecture) {
            this.weights = weights;
            this.architecture = architecture;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
