package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.djlnas.api.supernet.Discretizer;
import org.djlnas.api.supernet.OneShotSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DARTS (Liu, Simonyan and Yang, "DARTS: Differentiable Architecture Search", ICLR 2019) on any
 * {@link OneShotSpace}: each epoch alternates architecture and weight steps ({@link BilevelStep})
 * over the two halves of the data, measures the supernet on the architecture half, derives an
 * architecture ({@link Discretizer}), checkpoints and reports the epoch, and checks the collapse
 * guard ({@link CollapseGuard}). Methods that differ from DARTS only in how the supernet's passes
 * run (GDAS) give their {@link OneShotMethod}.
 */
final class DartsSearch implements OneShotStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DartsSearch.class);

    private final OneShotContext context;
    private final DartsSettings settings;
    private final OneShotMethod method;
    private final int epochs;

    DartsSearch(OneShotContext context, DartsSettings settings) {
        this(context, settings, OneShotMethod.DARTS);
    }

    DartsSearch(OneShotContext context, DartsSettings settings, OneShotMethod method) {
        this.context = context;
        this.settings = settings;
        this.method = method;
        this.epochs = WholeEpochs.of(context.budget(), method.name());
    }

    @Override
    public OneShotResult search(
            OneShotData data,
            Path checkpointFolder,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        OneShotSpace space = context.space();
        CollapseGuard guard = new CollapseGuard(space.searchCells(), settings.maxSkipConnections());
        Checkpoints checkpoints = new Checkpoints(checkpointFolder);
        try (Supernet supernet = Supernet.create(context, data, settings.batchSize());
                NDManager manager = supernet.newSubManager()) {
            MomentumSgd sgd =
                    new MomentumSgd(
                            supernet.weights(), settings.momentum(), settings.weightDecay());
            Adam adam =
                    new Adam(
                            supernet.alphas().arrays(),
                            settings.architectureLearningRate(),
                            settings.architectureBeta1(),
                            settings.architectureBeta2(),
                            settings.architectureWeightDecay(),
                            1e-8);
            BilevelStep step = new BilevelStep(supernet, sgd, adam, settings);
            List<EpochRecord> history = new ArrayList<>();
            Optional<Checkpoints.Restored> restored = checkpoints.restore(supernet, manager);
            if (restored.isEmpty() && context.metaStart().isPresent()) {
                MetaStartFolder.load(context.metaStart().get(), supernet, manager);
            }
            if (restored.isPresent()) {
                Checkpoints.Restored checkpoint = restored.get();
                restoreState(checkpoint.state(), supernet, sgd, adam, checkpoint.adamSteps());
                history.addAll(checkpoint.history(journaled, listener));
                LOG.info("resuming {} after epoch {} of {}", method.name(), history.size(), epochs);
            }
            Optional<String> stop = Optional.empty();
            for (EpochRecord record : history) {
                stop =
                        stop.or(
                                () ->
                                        guard.violation(record.architecture())
                                                .map(r -> r + " after epoch " + record.epoch()));
            }
            for (int epoch = history.size() + 1; stop.isEmpty() && epoch <= epochs; epoch++) {
                EpochRecord record = runEpoch(supernet, step, data, epoch, manager);
                checkpoints.write(record, adam.steps(), supernet, state(supernet, sgd, adam));
                listener.onEpoch(record);
                history.add(record);
                int finished = epoch;
                stop =
                        guard.violation(record.architecture())
                                .map(r -> r + " after epoch " + finished);
            }
            return new OneShotResult(
                    choose(history, guard, stop), history, stop.map(r -> "collapse guard: " + r));
        }
    }

    static Architecture choose(
            List<EpochRecord> history, CollapseGuard guard, Optional<String> stop) {
        if (history.isEmpty()) {
            throw new IllegalStateException("DARTS finished without a single epoch");
        }
        if (stop.isPresent()) {
            for (int i = history.size() - 1; i >= 0; i--) {
                if (guard.violation(history.get(i).architecture()).isEmpty()) {
                    return history.get(i).architecture();
                }
            }
        }
        return history.get(history.size() - 1).architecture();
    }

    private EpochRecord runEpoch(
            Supernet supernet, BilevelStep step, OneShotData data, int epoch, NDManager manager)
            throws IOException {
        double learningRate = settings.learningRateAt(epoch, epochs);
        long start = System.nanoTime();
        Map<String, Double> methodMetrics = method.beginEpoch(supernet, epoch, epochs);
        Dataset weightHalf = data.weights(epoch, settings.batchSize());
        Dataset architectureHalf = data.architecture(epoch, settings.batchSize());
        Iterator<Batch> searchBatches = Batches.of(architectureHalf, manager).iterator();
        BatchTotals train = new BatchTotals(data.task());
        int skippedBefore = step.skippedSteps();
        long architectureNanos = 0;
        long weightNanos = 0;
        for (Batch batch : Batches.of(weightHalf, manager)) {
            try (NDScope scope = new NDScope();
                    Batch trainBatch = batch) {
                scope.suppressNotUsedWarning();
                if (!searchBatches.hasNext()) {
                    searchBatches = Batches.of(architectureHalf, manager).iterator();
                }
                try (Batch searchBatch = searchBatches.next()) {
                    long architectureStart = System.nanoTime();
                    step.architectureStep(trainBatch, searchBatch, learningRate);
                    architectureNanos += System.nanoTime() - architectureStart;
                }
                long weightStart = System.nanoTime();
                train.add(step.weightStep(trainBatch, learningRate));
                weightNanos += System.nanoTime() - weightStart;
            }
        }
        BatchTotals validation =
                BatchTotals.measure(
                        supernet,
                        architectureHalf,
                        settings.validationBatches(),
                        data.task(),
                        manager);
        Map<String, double[]> probabilities = supernet.alphas().probabilities();
        Architecture architecture =
                context.space()
                        .validate(Discretizer.derive(context.space().searchCells(), probabilities));
        Map<String, Double> metrics = new LinkedHashMap<>();
        train.report("train", metrics);
        validation.report("validation", metrics);
        metrics.put("learningRate", learningRate);
        metrics.putAll(methodMetrics);
        metrics.put("seconds", (System.nanoTime() - start) / 1e9);
        metrics.put("architectureStepSeconds", architectureNanos / 1e9 / train.batches());
        metrics.put("weightStepSeconds", weightNanos / 1e9 / train.batches());
        metrics.put("skippedSteps", (double) (step.skippedSteps() - skippedBefore));
        Map<String, List<Double>> weights = new LinkedHashMap<>();
        probabilities.forEach((label, p) -> weights.put(label, Arrays.stream(p).boxed().toList()));
        String objective = data.task().objective();
        LOG.info(
                "{} epoch {}/{}: train {} {}, validation {} {}, {} s, derived {}",
                method.name(),
                epoch,
                epochs,
                objective,
                String.format("%.4f", train.objective()),
                objective,
                String.format("%.4f", validation.objective()),
                String.format("%.1f", metrics.get("seconds")),
                architecture.toJson());
        return new EpochRecord(epoch, architecture, weights, metrics);
    }

    private static NDList state(Supernet supernet, MomentumSgd sgd, Adam adam) {
        NDList state = new NDList(supernet.alphas().arrays());
        state.addAll(sgd.state());
        state.addAll(adam.state());
        return state;
    }

    private static void restoreState(
            NDList state, Supernet supernet, MomentumSgd sgd, Adam adam, long adamSteps) {
        int alphas = supernet.alphas().arrays().size();
        int weights = supernet.weights().size();
        if (state.size() != alphas + weights + 2 * alphas) {
            throw new IllegalArgumentException(
                    "the checkpoint holds "
                            + state.size()
                            + " arrays; this supernet needs "
                            + (3 * alphas + weights));
        }
        Checkpoints.copyInto(
                new NDList(state.subList(0, alphas)), supernet.alphas().arrays(), "alpha vectors");
        sgd.load(new NDList(state.subList(alphas, alphas + weights)));
        adam.load(new NDList(state.subList(alphas + weights, state.size())), adamSteps);
    }
}
