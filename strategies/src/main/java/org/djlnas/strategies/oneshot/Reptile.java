package org.djlnas.strategies.oneshot;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.supernet.MixingForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reptile over tasks for one-shot search (the idea of T-NAS: Lian et al., "Towards Fast Adaptation
 * of Neural Architectures with Meta Learning", ICLR 2020, with Reptile's first-order outer step in
 * place of MAML's): the supernet's shared weights and α are meta-trained over several data sets so
 * that a DARTS search on a new data set starts from them.
 *
 * <p>Each meta-iteration picks a task with a generator seeded by the seed, copies the meta weights
 * and α into that task's supernet, runs k first-order DARTS steps there (an architecture step on a
 * batch of the architecture half, then a weight step on a batch of the weight half, with fresh
 * optimizers), and moves the meta parameters toward the adapted ones: {@code θ ← θ + ε(θ' − θ)},
 * for the shared weights and α alike.
 *
 * <p>Task-specific and not meta-learned: the network's classifier head (its last child block, whose
 * outputs are the task's classes) and every parameter whose shape differs between the tasks'
 * supernets (the stem when the tasks' input channels differ). Each task's supernet keeps its own
 * head across the iterations that pick it. Batch normalisation's running statistics are shared
 * parameters like the weights.
 */
public final class Reptile {

    private static final Logger LOG = LoggerFactory.getLogger(Reptile.class);
    private static final NDIndex ALL = new NDIndex("...");

    private Reptile() {}

    /**
     * Meta-trains and writes the result as a meta-start folder ({@code manifest.json}, {@code
     * parameters.ndlist}, {@code alphas.ndlist}), which a DARTS or GDAS search loads through {@link
     * org.djlnas.api.oneshot.OneShotContext#metaStart()}. Nothing is written if it fails.
     *
     * @param tasks the meta-training tasks, whose spaces have the same cells
     * @param settings Reptile's settings
     * @param seed the seed of the supernets' initialisation and of the task order
     * @param engine the DJL engine
     * @param mixingForm how the supernets' mixed operations sum on that engine
     * @param out the folder to write, which must not exist
     * @param manifest what to record beside the arrays (their names are filled in)
     * @param listener hears of each finished meta-iteration
     * @return every meta-iteration, in order
     * @throws IOException if data cannot be read or the folder cannot be written
     */
    public static List<MetaIteration> metaTrain(
            List<ReptileTask> tasks,
            ReptileSettings settings,
            long seed,
            String engine,
            MixingForm mixingForm,
            Path out,
            MetaStartManifest manifest,
            Consumer<MetaIteration> listener)
            throws IOException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(
                    "no meta-training tasks; expected at least one data set");
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; expected a new folder");
        }
        DartsSettings darts = settings.darts();
        List<Supernet> supernets = new ArrayList<>();
        try (NDManager metaManager =
                Engine.getEngine(engine).newBaseManager(DeviceChoice.forEngine(engine))) {
            for (ReptileTask task : tasks) {
                Shape batchShape = new Shape(darts.batchSize()).addAll(task.data().exampleShape());
                Supernet supernet =
                        Supernet.create(task.space(), engine, batchShape, seed, task.data().task());
                supernet.alphas().setMixingForm(mixingForm);
                supernets.add(supernet);
            }
            List<String> labels = supernets.get(0).alphas().labels();
            for (int i = 1; i < tasks.size(); i++) {
                if (!supernets.get(i).alphas().labels().equals(labels)) {
                    throw new IllegalArgumentException(
                            "task '"
                                    + tasks.get(i).name()
                                    + "' has other searched edges than task '"
                                    + tasks.get(0).name()
                                    + "'; expected one space with the same cells");
                }
            }
            List<String> shared = sharedNames(supernets);
            List<NDArray> metaWeights = copies(arrays(supernets.get(0), shared), metaManager);
            List<NDArray> metaAlphas = copies(supernets.get(0).alphas().arrays(), metaManager);
            SplittableRandom random = new SplittableRandom(seed);
            List<MetaIteration> iterations = new ArrayList<>();
            for (int t = 1; t <= settings.metaIterations(); t++) {
                int pick = random.nextInt(tasks.size());
                Supernet supernet = supernets.get(pick);
                List<NDArray> weights = arrays(supernet, shared);
                copyInto(metaWeights, weights);
                copyInto(metaAlphas, supernet.alphas().arrays());
                BatchTotals train = adapt(supernet, tasks.get(pick), darts, settings, t);
                ReptileUpdate.apply(metaWeights, weights, settings.metaStepSize());
                ReptileUpdate.apply(
                        metaAlphas, supernet.alphas().arrays(), settings.metaStepSize());
                MetaIteration iteration =
                        new MetaIteration(
                                t,
                                tasks.get(pick).name(),
                                train.batches(),
                                train.meanLoss(),
                                train.objective());
                LOG.info(
                        "Reptile iteration {}/{}: task {}, {} inner steps, train loss {}",
                        t,
                        settings.metaIterations(),
                        iteration.task(),
                        iteration.innerSteps(),
                        String.format("%.4f", iteration.trainLoss()));
                iterations.add(iteration);
                listener.accept(iteration);
            }
            MetaStartFolder.write(
                    out,
                    manifest.withArrays(shared, labels),
                    new NDList(metaWeights),
                    new NDList(metaAlphas));
            return iterations;
        } finally {
            supernets.forEach(Supernet::close);
        }
    }

    /** Runs k first-order DARTS steps on one task, from fresh optimizers. */
    private static BatchTotals adapt(
            Supernet supernet,
            ReptileTask task,
            DartsSettings darts,
            ReptileSettings settings,
            int iteration)
            throws IOException {
        // The optimizers' state lives only for these steps: the scope frees it.
        try (NDScope optimizers = new NDScope()) {
            optimizers.suppressNotUsedWarning();
            return adapt(supernet, task, darts, settings.innerSteps(), iteration);
        }
    }

    private static BatchTotals adapt(
            Supernet supernet, ReptileTask task, DartsSettings darts, int innerSteps, int iteration)
            throws IOException {
        MomentumSgd sgd =
                new MomentumSgd(supernet.weights(), darts.momentum(), darts.weightDecay());
        Adam adam =
                new Adam(
                        supernet.alphas().arrays(),
                        darts.architectureLearningRate(),
                        darts.architectureBeta1(),
                        darts.architectureBeta2(),
                        darts.architectureWeightDecay(),
                        1e-8);
        BilevelStep step = new BilevelStep(supernet, sgd, adam, darts);
        BatchTotals train = new BatchTotals(task.data().task());
        try (NDManager manager = supernet.newSubManager()) {
            Dataset weightHalf = task.data().weights(iteration, darts.batchSize());
            Dataset architectureHalf = task.data().architecture(iteration, darts.batchSize());
            Iterator<Batch> weightBatches = Batches.of(weightHalf, manager).iterator();
            Iterator<Batch> searchBatches = Batches.of(architectureHalf, manager).iterator();
            for (int s = 0; s < innerSteps; s++) {
                if (!weightBatches.hasNext()) {
                    weightBatches = Batches.of(weightHalf, manager).iterator();
                }
                if (!searchBatches.hasNext()) {
                    searchBatches = Batches.of(architectureHalf, manager).iterator();
                }
                try (NDScope scope = new NDScope();
                        Batch trainBatch = weightBatches.next();
                        Batch searchBatch = searchBatches.next()) {
                    scope.suppressNotUsedWarning();
                    step.architectureStep(trainBatch, searchBatch, darts.learningRate());
                    train.add(step.weightStep(trainBatch, darts.learningRate()));
                }
            }
        }
        return train;
    }

    /**
     * Returns the names of the parameters every task shares: those of the first supernet that are
     * in no supernet's head and have the same shape in every supernet.
     */
    static List<String> sharedNames(List<Supernet> supernets) {
        List<String> shared = new ArrayList<>();
        Map<String, NDArray> first = supernets.get(0).namedParameters();
        for (Map.Entry<String, NDArray> entry : first.entrySet()) {
            boolean everywhere = true;
            for (Supernet supernet : supernets) {
                NDArray other = supernet.namedParameters().get(entry.getKey());
                everywhere &=
                        !supernet.headParameterNames().contains(entry.getKey())
                                && other != null
                                && other.getShape().equals(entry.getValue().getShape());
            }
            if (everywhere) {
                shared.add(entry.getKey());
            }
        }
        return shared;
    }

    private static List<NDArray> arrays(Supernet supernet, List<String> names) {
        Map<String, NDArray> named = supernet.namedParameters();
        return names.stream().map(named::get).toList();
    }

    private static List<NDArray> copies(List<NDArray> arrays, NDManager manager) {
        List<NDArray> copies = new ArrayList<>();
        for (NDArray array : arrays) {
            NDArray copy = array.duplicate();
            copy.attach(manager);
            copies.add(copy);
        }
        return copies;
    }

    private static void copyInto(List<NDArray> from, List<NDArray> to) {
        for (int i = 0; i < from.size(); i++) {
            to.get(i).set(ALL, from.get(i));
        }
    }
}
