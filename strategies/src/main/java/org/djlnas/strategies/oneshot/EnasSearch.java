package org.djlnas.strategies.oneshot;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.Task;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.strategies.reinforce.LstmController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ENAS (Pham et al., "Efficient Neural Architecture Search via Parameter Sharing", ICML 2018) on
 * any {@link OneShotSpace}. Each epoch has the paper's two phases:
 *
 * <ol>
 *   <li>shared weights: one pass over the weight half, each batch a weight step through the single
 *       path ({@link ArchitectureWeights#choosePaths(Architecture)}) of an architecture the
 *       controller samples; α is never used;
 *   <li>controller: {@link EnasSettings#controllerSteps()} REINFORCE updates of the LSTM controller
 *       ({@link LstmController}), each on one sampled architecture rewarded with its accuracy (or
 *       negated RMSE) on one batch of the validation half, with the shared weights as they are and
 *       batch normalisation in evaluation mode.
 * </ol>
 *
 * <p>Then the epoch's architecture is derived as ENAS derives its final one: the best of {@link
 * EnasSettings#deriveSamples()} samples on one validation batch (or the controller's most likely
 * architecture), measured on the validation half, checkpointed and reported.
 *
 * <p>Everything random is a function of the seed: the supernet's initial weights, the controller's
 * initial parameters (stream 0 of the seed) and each epoch's samples (stream {@code epoch}), so a
 * search resumed from a checkpoint draws what an uninterrupted one draws, with no random
 * generator's state to save.
 */
final class EnasSearch implements OneShotStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(EnasSearch.class);

    private final OneShotContext context;
    private final EnasSettings settings;
    private final int epochs;

    EnasSearch(OneShotContext context, EnasSettings settings) {
        this.context = context;
        this.settings = settings;
        this.epochs = WholeEpochs.of(context.budget(), "ENAS");
    }

    @Override
    public OneShotResult search(
            OneShotData data,
            Path checkpointFolder,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        OneShotSpace space = context.space();
        Checkpoints checkpoints = new Checkpoints(checkpointFolder);
        try (Supernet supernet = Supernet.create(context, data, settings.batchSize());
                NDManager manager = supernet.newSubManager()) {
            MomentumSgd sgd =
                    new MomentumSgd(
                            supernet.weights(), settings.momentum(), settings.weightDecay());
            WeightStep step = new WeightStep(supernet, sgd, settings.gradientClip());
            LstmController controller =
                    LstmController.create(
                            space,
                            settings.controller(),
                            Engine.getEngine(context.engine()),
                            random(0));
            List<EpochRecord> history = new ArrayList<>();
            Optional<Checkpoints.Restored> restored = checkpoints.restore(supernet, manager);
            if (restored.isPresent()) {
                restoreState(restored.get().state(), sgd, controller);
                history.addAll(restored.get().history(journaled, listener));
                LOG.info("resuming ENAS after epoch {} of {}", history.size(), epochs);
            }
            for (int epoch = history.size() + 1; epoch <= epochs; epoch++) {
                EpochRecord record =
                        new Epoch(supernet, step, controller, data, epoch, manager).run();
                try (NDManager scratch = manager.newSubManager()) {
                    // The controller keeps its own Adam step count in its state.
                    checkpoints.write(record, 0, supernet, state(sgd, controller, scratch));
                }
                listener.onEpoch(record);
                history.add(record);
            }
            return new OneShotResult(
                    history.get(history.size() - 1).architecture(), history, Optional.empty());
        }
    }

    /** The random source of a stream of the seed: 0 for the controller, each epoch its own. */
    private SplittableRandom random(int stream) {
        long z = context.seed() + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private static NDList state(MomentumSgd sgd, LstmController controller, NDManager manager) {
        NDList state = new NDList(sgd.state());
        controller.state().forEach(values -> state.add(manager.create(values)));
        return state;
    }

    private static void restoreState(NDList state, MomentumSgd sgd, LstmController controller) {
        int weights = sgd.state().size();
        if (state.size() < weights) {
            throw new IllegalArgumentException(
                    "the ENAS checkpoint holds "
                            + state.size()
                            + " arrays; this supernet has "
                            + weights
                            + " weights");
        }
        sgd.load(new NDList(state.subList(0, weights)));
        controller.load(
                state.subList(weights, state.size()).stream().map(NDArray::toDoubleArray).toList());
    }

    /** One epoch: the shared weights' pass, the controller's steps, and the derivation. */
    private final class Epoch {

        private final Supernet supernet;
        private final WeightStep step;
        private final LstmController controller;
        private final OneShotData data;
        private final int epoch;
        private final NDManager manager;
        private final Task task;
        private final SplittableRandom random;
        private final Map<String, Double> metrics = new LinkedHashMap<>();

        Epoch(
                Supernet supernet,
                WeightStep step,
                LstmController controller,
                OneShotData data,
                int epoch,
                NDManager manager) {
            this.supernet = supernet;
            this.step = step;
            this.controller = controller;
            this.data = data;
            this.epoch = epoch;
            this.manager = manager;
            this.task = data.task();
            this.random = random(epoch);
        }

        EpochRecord run() throws IOException {
            long start = System.nanoTime();
            double learningRate = settings.learningRateAt(epoch, epochs);
            PathFrequencies frequencies = trainWeights(learningRate);
            Dataset validationHalf = data.architecture(epoch, settings.batchSize());
            trainController(validationHalf);
            Architecture architecture = context.space().validate(derive(validationHalf));
            supernet.alphas().choosePaths(architecture);
            BatchTotals validation =
                    BatchTotals.measure(
                            supernet, validationHalf, settings.validationBatches(), task, manager);
            validation.report("validation", metrics);
            metrics.put("learningRate", learningRate);
            controller.baseline().ifPresent(value -> metrics.put("baseline", value));
            metrics.put("seconds", (System.nanoTime() - start) / 1e9);
            LOG.info(
                    "ENAS epoch {}/{}: validation {} {} of the derived architecture, {} s,"
                            + " derived {}",
                    epoch,
                    epochs,
                    task.objective(),
                    String.format("%.4f", validation.objective()),
                    String.format("%.1f", metrics.get("seconds")),
                    architecture.toJson());
            return new EpochRecord(epoch, architecture, frequencies.shares(), metrics);
        }

        /** One pass over the weight half, a sampled path per batch. */
        private PathFrequencies trainWeights(double learningRate) throws IOException {
            ArchitectureWeights paths = supernet.alphas();
            PathFrequencies frequencies = new PathFrequencies(paths);
            BatchTotals train = new BatchTotals(task);
            int skippedBefore = step.skippedSteps();
            long sampleNanos = 0;
            long stepNanos = 0;
            Dataset weightHalf = data.weights(epoch, settings.batchSize());
            for (Batch batch : Batches.of(weightHalf, manager)) {
                long sampleStart = System.nanoTime();
                Architecture sampled = controller.sample(random).architecture();
                long stepStart = System.nanoTime();
                sampleNanos += stepStart - sampleStart;
                paths.choosePaths(sampled);
                frequencies.count();
                try (NDScope scope = new NDScope();
                        Batch trainBatch = batch) {
                    scope.suppressNotUsedWarning();
                    train.add(step.step(trainBatch, learningRate));
                }
                stepNanos += System.nanoTime() - stepStart;
            }
            train.report("train", metrics);
            int steps = Math.max(1, train.batches());
            metrics.put("weightStepSeconds", stepNanos / 1e9 / steps);
            metrics.put("sampleSeconds", sampleNanos / 1e9 / steps);
            metrics.put("skippedSteps", (double) (step.skippedSteps() - skippedBefore));
            return frequencies;
        }

        /** The controller's REINFORCE steps, cycling through the validation half's batches. */
        private void trainController(Dataset validationHalf) throws IOException {
            Iterator<Batch> batches = Batches.of(validationHalf, manager).iterator();
            double rewards = 0;
            long nanos = 0;
            for (int s = 0; s < settings.controllerSteps(); s++) {
                long stepStart = System.nanoTime();
                if (!batches.hasNext()) {
                    batches = Batches.of(validationHalf, manager).iterator();
                }
                LstmController.Sampled sample = controller.sample(random);
                double reward;
                try (Batch batch = batches.next()) {
                    reward = reward(sample.architecture(), batch);
                }
                controller.learn(sample, reward);
                rewards += reward;
                nanos += System.nanoTime() - stepStart;
            }
            if (settings.controllerSteps() > 0) {
                metrics.put("meanReward", rewards / settings.controllerSteps());
                metrics.put("controllerStepSeconds", nanos / 1e9 / settings.controllerSteps());
            }
        }

        /**
         * The epoch's architecture: the best of several samples on the validation half's first
         * batch (the first sample wins ties), or the most likely one.
         */
        private Architecture derive(Dataset validationHalf) throws IOException {
            if (settings.deriveSamples() == 0) {
                return controller.mostLikely().architecture();
            }
            try (Batch batch = Batches.of(validationHalf, manager).iterator().next()) {
                Architecture best = controller.sample(random).architecture();
                double bestReward = reward(best, batch);
                for (int s = 1; s < settings.deriveSamples(); s++) {
                    Architecture candidate = controller.sample(random).architecture();
                    double reward = reward(candidate, batch);
                    if (reward > bestReward) {
                        best = candidate;
                        bestReward = reward;
                    }
                }
                metrics.put("derivedReward", bestReward);
                return best;
            }
        }

        /** The score of an architecture's path on a batch: larger is better. */
        private double reward(Architecture architecture, Batch batch) {
            supernet.alphas().choosePaths(architecture);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                BatchResult result = supernet.evaluate(batch);
                return task.direction().score(result.measure().objective());
            }
        }
    }
}
