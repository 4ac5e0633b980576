package org.djlnas.strategies.reinforce;

import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;

/**
 * Registers the {@code reinforce} strategy: a policy over every choice of the space, trained by
 * policy gradient against a moving-average baseline of the rewards, with independent logits per
 * choice or an autoregressive LSTM controller (Zoph &amp; Le 2017; Pham et al. 2018). The policy
 * learns with PPO (Schulman et al. 2017; {@code algorithm=ppo}, the default: clipped surrogate,
 * several steps per batch of rewards, standardised advantages) or with REINFORCE (Williams 1992;
 * {@code algorithm=reinforce}, one step per reward, as the NAS-Bench-201 authors' REINFORCE
 * baseline, Dong &amp; Yang 2020), and by default never proposes an architecture twice. See {@code
 * docs/reinforce.md}.
 *
 * <p>The {@code lstm} controller runs on the engine named by the {@code lstm-engine} setting, else
 * on the experiment's engine ({@link StrategyContext#engine()}), else on the one {@link
 * EngineSelector} resolves ({@code -Dnas.engine}, DJL's default engine, or the single engine on the
 * class path); creating it loads that engine. It holds {@code EngineLocks.GRADIENTS} while it
 * computes gradients, so it can run beside trials training on the same engine. Spaces with a
 * continuous choice are rejected.
 */
public final class ReinforceProvider implements StrategyProvider {

    /** The registry id. */
    public static final String ID = "reinforce";

    /** The name of the algorithm setting: {@code reinforce} or {@code ppo}. */
    public static final String ALGORITHM = "algorithm";

    /** The name of the controller setting: {@code independent} or {@code lstm}. */
    public static final String CONTROLLER = "controller";

    /** The name of the learning-rate setting. */
    public static final String LEARNING_RATE = "learning-rate";

    /** The name of the baseline-decay setting. */
    public static final String BASELINE_DECAY = "baseline-decay";

    /** The name of the entropy-weight setting. */
    public static final String ENTROPY_WEIGHT = "entropy-weight";

    /** The name of the temperature setting. */
    public static final String TEMPERATURE = "temperature";

    /** The name of the LSTM hidden-size setting. */
    public static final String LSTM_HIDDEN = "lstm-hidden";

    /** The name of the LSTM engine setting. */
    public static final String LSTM_ENGINE = "lstm-engine";

    /** The name of the setting that makes proposals distinct. */
    public static final String DISTINCT = "distinct";

    /** The name of PPO's batch-size setting. */
    public static final String PPO_BATCH = "ppo-batch";

    /** The name of PPO's epochs setting. */
    public static final String PPO_EPOCHS = "ppo-epochs";

    /** The name of PPO's clip setting. */
    public static final String PPO_CLIP = "ppo-clip";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "policy gradient (PPO or REINFORCE) with a moving-average baseline: independent"
                + " logits per choice or an LSTM controller";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.string(
                        ALGORITHM,
                        ReinforceSettings.Algorithm.PPO.id(),
                        "how the policy learns: 'reinforce' (one step per reward) or 'ppo'"
                                + " (clipped surrogate, several steps per batch)"),
                SettingSpec.string(
                        CONTROLLER,
                        ReinforceSettings.Controller.INDEPENDENT.id(),
                        "the policy: 'independent' logits per choice, or an autoregressive 'lstm'"
                                + " controller"),
                SettingSpec.number(
                        LEARNING_RATE,
                        0,
                        0,
                        "Adam's step size for the policy (0: 0.01, NAS-Bench-201's REINFORCE"
                                + " rate, or 0.1 for ppo with the independent controller)"),
                SettingSpec.number(
                        BASELINE_DECAY,
                        0.9,
                        0,
                        "decay of the moving-average reward baseline, below 1"),
                SettingSpec.number(
                        ENTROPY_WEIGHT,
                        0,
                        0,
                        "weight of the entropy bonus, in reward units; keeps the policy exploring"),
                SettingSpec.number(TEMPERATURE, 1, 0.01, "divides the logits before the softmax"),
                SettingSpec.integer(
                        LSTM_HIDDEN, 32, 1, "hidden and embedding size of the lstm controller"),
                SettingSpec.string(
                        LSTM_ENGINE,
                        "",
                        "DJL engine of the lstm controller (empty: -Dnas.engine or DJL's"
                                + " default)"),
                SettingSpec.bool(
                        DISTINCT,
                        true,
                        "draw again (up to 100 times) when the policy draws an architecture"
                                + " proposed before"),
                SettingSpec.integer(PPO_BATCH, 5, 2, "ppo: rewards per policy update"),
                SettingSpec.integer(PPO_EPOCHS, 10, 1, "ppo: optimizer steps per update"),
                SettingSpec.number(
                        PPO_CLIP,
                        0.2,
                        0.001,
                        "ppo: clip of the probability ratio, which stays in [1 - clip, 1 +"
                                + " clip]"));
    }

    @Override
    public Strategy create(StrategyContext context) {
        ReinforceSettings settings = ReinforceSettings.from(context.settings());
        Decisions decisions = Decisions.of(context.space());
        SplittableRandom random = new SplittableRandom(context.seed());
        Policy policy =
                switch (settings.controller()) {
                    case INDEPENDENT -> new IndependentPolicy(decisions, settings, random);
                    case LSTM ->
                            new LstmPolicy(
                                    decisions,
                                    settings,
                                    context.engines()
                                            .select(
                                                    settings.lstmEngine().or(context::engine),
                                                    EngineCapability.TRAIN),
                                    random);
                };
        Reinforce.Learner learner =
                switch (settings.algorithm()) {
                    case REINFORCE -> policy::reinforce;
                    case PPO ->
                            new Ppo(
                                            policy,
                                            settings.ppoBatch(),
                                            settings.ppoEpochs(),
                                            settings.ppoClip())
                                    ::learn;
                };
        return new Reinforce(
                policy,
                learner,
                new MovingAverageBaseline(settings.baselineDecay()),
                random,
                context.budget(),
                settings.distinct());
    }
}
