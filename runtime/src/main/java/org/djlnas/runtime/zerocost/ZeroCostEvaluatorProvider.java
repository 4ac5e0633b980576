package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * Registers the {@code zero-cost} evaluator: scores each trial's untrained network by a zero-cost
 * proxy ({@code proxy}: synflow, snip, grad-norm, jacov, naswot, params or flops), maximised,
 * without training. Proxies that use data draw one minibatch of {@code batch-size} training
 * examples with the trial's seed; synflow, params and flops need only the input's shape, from the
 * data set or from the {@code input} setting.
 */
public final class ZeroCostEvaluatorProvider implements EvaluatorProvider {

    /** The registry id. */
    public static final String ID = "zero-cost";

    /** The setting naming the proxy. */
    public static final String PROXY = "proxy";

    /** The setting of the minibatch's size. */
    public static final String BATCH_SIZE = "batch-size";

    /** The setting of the input's shape, when there is no data set. */
    public static final String INPUT = "input";

    /** The minibatch's size by default, as in Abdelfattah et al.'s NAS-Bench-201 runs. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "scores each untrained network by a zero-cost proxy (no training)";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.string(
                        PROXY, "synflow", "the proxy: " + String.join(", ", ZeroCostProxies.ids())),
                SettingSpec.integer(
                        BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, "examples in the proxy's minibatch"),
                SettingSpec.string(
                        INPUT,
                        "",
                        "shape of one input example, such as 3,32,32 (default: the data set's)"));
    }

    @Override
    public Evaluator create(EvaluatorContext context) throws IOException {
        return new ZeroCostEvaluator(scorer(context));
    }

    /**
     * Creates the scorer the evaluator's settings describe.
     *
     * @param context the evaluator's context
     * @return the scorer
     * @throws IllegalArgumentException naming a bad setting, a missing engine or data set
     * @throws IOException if the data's input cannot be read
     */
    static ProxyScorer scorer(EvaluatorContext context) throws IOException {
        Settings settings = context.settings();
        ZeroCostProxy proxy =
                ZeroCostProxies.require(
                        "evaluator setting '" + PROXY + "'", settings.getString(PROXY));
        String engine =
                context.engine()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "evaluator '" + ID + "' needs an engine"));
        requireGradients(context, engine);
        Optional<DataSource> data = context.data();
        Shape shape = exampleShape(settings.getString(INPUT), data);
        return new ProxyScorer(
                context.space(),
                proxy,
                engine,
                context.engines(),
                shape,
                data,
                DataSplit.of(context.seed()),
                settings.getInt(BATCH_SIZE));
    }

    private static void requireGradients(EvaluatorContext context, String engine) {
        java.util.Set<EngineCapability> capabilities;
        try {
            capabilities = context.engines().capabilities(engine);
        } catch (IllegalArgumentException notDescribed) {
            return; // no engine module describes it: DJL itself says if it cannot compute
        }
        if (!capabilities.contains(EngineCapability.TRAIN)) {
            throw new IllegalArgumentException(
                    "engine "
                            + engine
                            + " cannot train, and zero-cost proxies need its gradients; choose an"
                            + " engine that trains");
        }
    }

    /**
     * Reads the input's shape: the {@code input} setting if given, else the data set's.
     *
     * @param text the setting, such as {@code 3,32,32}, or empty
     * @param data the data set
     * @return the shape of one example
     * @throws IOException if the data's input cannot be read
     */
    static Shape exampleShape(String text, Optional<DataSource> data) throws IOException {
        if (text.isBlank()) {
            if (data.isEmpty()) {
                throw new IllegalArgumentException(
                        "evaluator '"
                                + ID
                                + "' needs the input's shape: give `dataset` or the setting '"
                                + INPUT
                                + "' (such as 3,32,32)");
            }
            return data.get().inputShape();
        }
        String[] parts = text.split(",");
        long[] dimensions = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dimensions[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                dimensions[i] = 0;
            }
            if (dimensions[i] < 1) {
                throw new IllegalArgumentException(
                        "evaluator setting '"
                                + INPUT
                                + "' is '"
                                + text
                                + "'; expected positive sizes separated by commas, such as"
                                + " 3,32,32");
            }
        }
        return new Shape(dimensions);
    }
}
