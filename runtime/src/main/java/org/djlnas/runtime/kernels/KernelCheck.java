package org.djlnas.runtime.kernels;

import static java.util.Objects.requireNonNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.djlnas.runtime.search.Plugins;

/**
 * Checks an engine's CPU kernels on this machine: forward outputs, input gradients and parameter
 * gradients of the operators the search spaces use, of two whole small networks, and the losses and
 * gradients of a short training, each computed in single precision and compared with the same
 * computation in double precision.
 *
 * <p>PyTorch runs double-precision convolutions with its own kernels, never oneDNN's (oneDNN has no
 * double-precision convolution), so the reference does not depend on the instruction set oneDNN
 * picks or is capped at ({@code ONEDNN_MAX_CPU_ISA}). The check exists because oneDNN's faster
 * kernels once gave wrong gradients on a machine of this project and not on others: whether they
 * are right depends on the CPU (docs/engines.md, "CPU kernels"). Inputs and weights come from the
 * engine's generator seeded with the configuration's seed.
 */
public final class KernelCheck {

    /** What {@link KernelCheckReport#instructionSetCap()} says when nothing caps oneDNN. */
    public static final String NO_CAP = "none (oneDNN picks)";

    private final KernelCheckConfig config;
    private final Plugins plugins;
    private final Comparison comparison;

    /**
     * Creates a check.
     *
     * @param config what to run and the bounds
     * @param plugins the registry the networks' spaces come from
     */
    public KernelCheck(KernelCheckConfig config, Plugins plugins) {
        this(config, plugins, UnaryOperator.identity());
    }

    /**
     * Creates a check whose single-precision results pass through a function before they are
     * compared: the seam through which tests inject a wrong kernel.
     */
    KernelCheck(KernelCheckConfig config, Plugins plugins, UnaryOperator<NDArray> singleResults) {
        this.config = requireNonNull(config, "config is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.comparison = new Comparison(singleResults);
    }

    /**
     * Runs every case.
     *
     * @return what each case found
     * @throws IllegalArgumentException if the configured engine is not on the class path
     */
    public KernelCheckReport run() {
        Engine engine = engine();
        List<KernelCaseResult> results = new ArrayList<>();
        for (OperatorCase c : OperatorCases.all()) {
            results.add(
                    new KernelCaseResult(
                            c.group(), c.name(), check(engine, c), config.tolerance()));
        }
        List<NetworkCases.Network> networks = NetworkCases.all(plugins);
        for (NetworkCases.Network network : networks) {
            results.add(
                    new KernelCaseResult(
                            "network",
                            network.name(),
                            check(engine, network),
                            config.networkTolerance()));
        }
        NetworkCases.Network diverged = networks.get(0);
        results.add(
                new KernelCaseResult(
                        "training",
                        config.trainingSteps() + " SGD steps of the " + diverged.name(),
                        train(engine, diverged),
                        config.networkTolerance()));
        return new KernelCheckReport(
                engine.getEngineName(), engine.getVersion(), instructionSetCap(), results);
    }

    /**
     * Returns the oneDNN instruction-set cap in effect for this process.
     *
     * @return the value of {@code ONEDNN_MAX_CPU_ISA}, or {@link #NO_CAP}
     */
    public static String instructionSetCap() {
        String cap = System.getenv("ONEDNN_MAX_CPU_ISA");
        return cap == null || cap.isBlank() ? NO_CAP : cap;
    }

    private Engine engine() {
        if (!Engine.getAllEngines().contains(config.engine())) {
            throw new IllegalArgumentException(
                    "`engine` is "
                            + config.engine()
                            + "; expected one of "
                            + String.join(", ", Engine.getAllEngines()));
        }
        return Engine.getEngine(config.engine());
    }

    private double check(Engine engine, OperatorCase c) {
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(config.seed());
            NDArray input = manager.randomNormal(c.input());
            NDList parameters = new NDList();
            c.parameters().forEach(shape -> parameters.add(manager.randomNormal(shape)));
            NDArray weights =
                    manager.randomNormal(c.operation().apply(input, parameters).getShape());
            NDList single =
                    OperatorCases.run(
                            manager,
                            c,
                            input.duplicate(),
                            copy(parameters, DataType.FLOAT32),
                            weights);
            NDList reference =
                    OperatorCases.run(
                            manager,
                            c,
                            input.toType(DataType.FLOAT64, true),
                            copy(parameters, DataType.FLOAT64),
                            weights.toType(DataType.FLOAT64, true));
            return comparison.worst(single, reference, Comparison.Norm.LARGEST);
        }
    }

    private double check(Engine engine, NetworkCases.Network network) {
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(config.seed());
            Block single = NetworkCases.initialize(manager, network, DataType.FLOAT32, null);
            Block reference = NetworkCases.initialize(manager, network, DataType.FLOAT64, single);
            NDArray input = manager.randomNormal(NetworkCases.INPUT);
            NDArray weights =
                    manager.randomNormal(
                            new Shape(NetworkCases.INPUT.get(0), NetworkCases.CLASSES));
            NDList singleResults = NetworkCases.run(manager, single, input.duplicate(), weights);
            NDList referenceResults =
                    NetworkCases.run(
                            manager,
                            reference,
                            input.toType(DataType.FLOAT64, true),
                            weights.toType(DataType.FLOAT64, true));
            return comparison.worst(singleResults, referenceResults, Comparison.Norm.EUCLIDEAN);
        }
    }

    private double train(Engine engine, NetworkCases.Network network) {
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(config.seed());
            return ShortTraining.worstError(manager, network, config.trainingSteps(), comparison);
        }
    }

    private static NDList copy(NDList arrays, DataType type) {
        NDList copies = new NDList();
        arrays.forEach(a -> copies.add(a.toType(type, true)));
        return copies;
    }
}
