package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-path one-shot NAS (Guo et al., "Single Path One-Shot Neural Architecture Search with
 * Uniform Sampling", ECCV 2020) on any {@link OneShotSpace}. Each weight step samples an
 * architecture uniformly from the space's choice tree and trains only its path through the supernet
 * ({@link org.djlnas.api.supernet.ArchitectureWeights#choosePaths}); α is never trained. After each
 * epoch an evolutionary search ({@link InheritedWeightsEvolution}, {@link PathScorer}) scores
 * architectures with the inherited weights and derives the epoch's architecture: a few candidates
 * after the early epochs, the full search after the last. The weights and the momentum buffers are
 * checkpointed after every epoch.
 */
final class SposSearch implements OneShotStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SposSearch.class);
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long PATHS = 0;
    private static final long EVOLUTION = 1;

    private final OneShotContext context;
    private final SposSettings settings;
    private final int epochs;

    SposSearch(OneShotContext context, SposSettings settings) {
        this.context = context;
        this.settings = settings;
        this.epochs = WholeEpochs.of(context.budget(), "SPOS");
    }

    @Override
    public OneShotResult search(
            OneShotData data,
            Path checkpointFolder,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        Checkpoints checkpoints = new Checkpoints(checkpointFolder);
        try (Supernet supernet = Supernet.create(context, data, settings.batchSize());
                NDManager manager = supernet.newSubManager()) {
            MomentumSgd sgd =
                    new MomentumSgd(
                            supernet.weights(), settings.momentum(), settings.weightDecay());
            WeightStep step = new WeightStep(supernet, sgd, settings.gradientClip());
            List<EpochRecord> history = new ArrayList<>();
            Optional<Checkpoints.Restored> restored = checkpoints.restore(supernet, manager);
            if (restored.isPresent()) {
                Checkpoints.Restored checkpoint = restored.get();
                sgd.load(checkpoint.state());
                history.addAll(checkpoint.history(journaled, listener));
                LOG.info("resuming SPOS after epoch {} of {}", checkpoint.record().epoch(), epochs);
            }
            for (int epoch = history.size() + 1; epoch <= epochs; epoch++) {
                EpochRecord record = runEpoch(supernet, step, data, epoch, manager);
                checkpoints.write(record, 0, supernet, sgd.state());
                listener.onEpoch(record);
                history.add(record);
            }
            return new OneShotResult(
                    history.get(history.size() - 1).architecture(), history, Optional.empty());
        }
    }

    private EpochRecord runEpoch(
            Supernet supernet, WeightStep step, OneShotData data, int epoch, NDManager manager)
            throws IOException {
        double learningRate = settings.learningRateAt(epoch, epochs);
        long start = System.nanoTime();
        SplittableRandom paths = new SplittableRandom(streamSeed(epoch, PATHS));
        BatchTotals train = new BatchTotals(data.task());
        int skippedBefore = step.skippedSteps();
        long weightNanos = 0;
        for (Batch batch : Batches.of(data.weights(epoch, settings.batchSize()), manager)) {
            try (NDScope scope = new NDScope();
                    Batch trainBatch = batch) {
                scope.suppressNotUsedWarning();
                supernet.alphas().choosePaths(context.space().sample(paths));
                long weightStart = System.nanoTime();
                train.add(step.step(trainBatch, learningRate));
                weightNanos += System.nanoTime() - weightStart;
            }
        }
        supernet.alphas().clearPaths();
        long evolutionStart = System.nanoTime();
        int candidates = settings.candidatesAfter(epoch, epochs);
        InheritedWeightsEvolution.Best<BatchTotals> found;
        try (NDManager held = manager.newSubManager();
                PathScorer scorer =
                        new PathScorer(
                                supernet,
                                data.task(),
                                firstBatches(
                                        data.weights(epoch, settings.batchSize()),
                                        settings.recalibrationBatches(),
                                        held),
                                firstBatches(
                                        data.architecture(epoch, settings.batchSize()),
                                        settings.validationBatches(),
                                        held))) {
            found =
                    InheritedWeightsEvolution.search(
                            context.space(),
                            candidates,
                            streamSeed(epoch, EVOLUTION),
                            scorer::score,
                            scorer::objectiveScore,
                            BatchTotals::meanLoss);
        }
        Architecture architecture = context.space().validate(found.architecture());
        Map<String, Double> metrics = new LinkedHashMap<>();
        train.report("train", metrics);
        found.measurement().report("validation", metrics);
        metrics.put("learningRate", learningRate);
        metrics.put("seconds", (System.nanoTime() - start) / 1e9);
        metrics.put("weightStepSeconds", weightNanos / 1e9 / train.batches());
        metrics.put("evolutionSeconds", (System.nanoTime() - evolutionStart) / 1e9);
        metrics.put("candidates", (double) found.measured());
        metrics.put("skippedSteps", (double) (step.skippedSteps() - skippedBefore));
        String objective = data.task().objective();
        LOG.info(
                "SPOS epoch {}/{}: train {} {}, best of {} candidates: validation {} {}, {} s,"
                        + " derived {}",
                epoch,
                epochs,
                objective,
                String.format("%.4f", train.objective()),
                found.measured(),
                objective,
                String.format("%.4f", found.measurement().objective()),
                String.format("%.1f", metrics.get("seconds")),
                architecture.toJson());
        return new EpochRecord(epoch, architecture, Map.of(), metrics);
    }

    /**
     * The first batches of a data set (all of them if it has fewer), their arrays moved to the
     * given manager: DJL's data iterable closes the batches it made once it runs out.
     */
    private static List<Batch> firstBatches(Dataset dataset, int count, NDManager manager)
            throws IOException {
        List<Batch> batches = new ArrayList<>();
        for (Batch batch : Batches.of(dataset, manager)) {
            batch.getData().attach(manager);
            batch.getLabels().attach(manager);
            batches.add(batch);
            if (batches.size() == count) {
                break;
            }
        }
        return batches;
    }

    /** The seed of one random stream of one epoch, a function of the search's seed alone. */
    private long streamSeed(int epoch, long stream) {
        return new SplittableRandom(context.seed() + GOLDEN * (2L * epoch + stream)).nextLong();
    }
}
