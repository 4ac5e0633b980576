package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
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
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;
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
        double budgetEpochs = context.budget().epochs();
        if (budgetEpochs < 1 || budgetEpochs != Math.rint(budgetEpochs)) {
            throw new IllegalArgumentException(
                    method.name()
                            + " searches whole epochs; epochs is "
                            + budgetEpochs
                            + ", expected an integer >= 1");
        }
        this.epochs = (int) budgetEpochs;
    }

    @Override
    public OneShotResult search(
            OneShotData data,
            Path checkpointFolder,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        OneShotSpace space = context.space();
        Shape batchShape = new Shape(settings.batchSize()).addAll(data.exampleShape());
        CollapseGuard guard = new CollapseGuard(space.searchCells(), settings.maxSkipConnections());
        Checkpoints checkpoints = new Checkpoints(checkpointFolder);
        try (Supernet supernet =
                        Supernet.create(
                                space, context.engine(), batchShape, context.seed(), data.task());
                NDManager manager = supernet.weights().get(0).getManager().newSubManager()) {
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
            if (restored.isPresent()) {
                Checkpoints.Restored checkpoint = restored.get();
                int done = checkpoint.record().epoch();
                restoreState(checkpoint.state(), supernet, sgd, adam, checkpoint.adamSteps());
                journaled.stream().filter(r -> r.epoch() < done).forEach(history::add);
                history.add(checkpoint.record());
                if (journaled.stream().noneMatch(r -> r.epoch() == done)) {
                    listener.onEpoch(checkpoint.record());
                }
                LOG.info("resuming {} after epoch {} of {}", method.name(), done, epochs);
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
        Iterator<Batch> searchBatches = batches(architectureHalf, manager).iterator();
        Totals train = new Totals(data.task());
        int skippedBefore = step.skippedSteps();
        long architectureNanos = 0;
        long weightNanos = 0;
        for (Batch batch : batches(weightHalf, manager)) {
            try (NDScope scope = new NDScope();
                    Batch trainBatch = batch) {
                scope.suppressNotUsedWarning();
                if (!searchBatches.hasNext()) {
                    searchBatches = batches(architectureHalf, manager).iterator();
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
        Totals validation = new Totals(data.task());
        int limit = settings.validationBatches();
        for (Batch batch : batches(architectureHalf, manager)) {
            try (NDScope scope = new NDScope();
                    Batch validationBatch = batch) {
                scope.suppressNotUsedWarning();
                validation.add(supernet.evaluate(validationBatch));
            }
            if (limit > 0 && validation.batches >= limit) {
                break;
            }
        }
        Map<String, double[]> probabilities = supernet.alphas().probabilities();
        Architecture architecture =
                context.space()
                        .validate(Discretizer.derive(context.space().searchCells(), probabilities));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("trainLoss", train.meanLoss());
        train.metrics().forEach((name, value) -> metrics.put("train" + capitalised(name), value));
        metrics.put("validationLoss", validation.meanLoss());
        validation
                .metrics()
                .forEach((name, value) -> metrics.put("validation" + capitalised(name), value));
        metrics.put("learningRate", learningRate);
        metrics.putAll(methodMetrics);
        metrics.put("seconds", (System.nanoTime() - start) / 1e9);
        metrics.put("architectureStepSeconds", architectureNanos / 1e9 / train.batches);
        metrics.put("weightStepSeconds", weightNanos / 1e9 / train.batches);
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

    private static Iterable<Batch> batches(Dataset dataset, NDManager manager) throws IOException {
        try {
            return dataset.getData(manager);
        } catch (TranslateException e) {
            throw new IOException("cannot read a batch: " + e.getMessage(), e);
        }
    }

    private static String capitalised(String metric) {
        return Character.toUpperCase(metric.charAt(0)) + metric.substring(1);
    }

    /** Running sums of batch results. */
    private static final class Totals {
        private final TaskMeasure measure;
        private double lossSum;
        private int batches;

        Totals(Task task) {
            this.measure = new TaskMeasure(task);
        }

        void add(BatchResult result) {
            lossSum += result.loss() * result.examples();
            measure.addAll(result.measure());
            batches++;
        }

        double meanLoss() {
            return measure.examples() == 0 ? Double.NaN : lossSum / measure.examples();
        }

        /** The task's metrics (accuracy; or RMSE and MAE), NaN when no batch was added. */
        Map<String, Double> metrics() {
            if (measure.examples() == 0) {
                Map<String, Double> none = new LinkedHashMap<>();
                measure.metrics().keySet().forEach(name -> none.put(name, Double.NaN));
                return none;
            }
            return measure.metrics();
        }

        double objective() {
            return measure.examples() == 0 ? Double.NaN : measure.objective();
        }
    }
}
