package org.djlnas.strategies.hyperband;

import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * Hyperband's bracket arithmetic (Li et al., "Hyperband: A Novel Bandit-Based Approach to
 * Hyperparameter Optimization", JMLR 2018, algorithm 1), with budgets in epochs.
 *
 * <p>{@code sMax} is the largest {@code s} with {@code minEpochs · eta^s <= maxEpochs}, compared
 * with a relative tolerance of 1e-9 so that, for example, 0.1 and 0.9 epochs with eta 3 give 2 and
 * not 1. Bracket {@code s} starts {@code n = ceil((sMax + 1) / (s + 1) · eta^s)} configurations
 * (computed in integers) at {@code maxEpochs · eta^-s} epochs; rung {@code i} keeps {@code floor(n
 * · eta^-i)} of them at {@code maxEpochs · eta^(i - s)} epochs. Budgets are rounded to 1e-6 epochs
 * so that they compare equal wherever they are computed.
 *
 * @param minEpochs the smallest budget the brackets may use
 * @param maxEpochs the budget of a full evaluation
 * @param eta the halving rate: a rung keeps {@code 1/eta} of its configurations
 */
record Schedule(double minEpochs, double maxEpochs, int eta) {

    /** The largest {@code maxEpochs / minEpochs} accepted, which bounds the bracket sizes. */
    static final double MAX_RATIO = 1e6;

    private static final double TOLERANCE = 1e-9;
    private static final double EPOCH_RESOLUTION = 1e6;

    /**
     * Declares the settings every Hyperband-style strategy has.
     *
     * @return min-epochs, max-epochs and eta
     */
    static List<SettingSpec> specs() {
        return List.of(
                SettingSpec.number(
                        HyperbandProvider.MIN_EPOCHS,
                        1,
                        1e-6,
                        "the smallest budget in epochs: with max-epochs and eta it fixes how many"
                                + " rungs the largest bracket has"),
                SettingSpec.number(
                        HyperbandProvider.MAX_EPOCHS,
                        9,
                        1e-6,
                        "the budget in epochs of a full evaluation, the last rung of every"
                                + " bracket"),
                SettingSpec.integer(
                        HyperbandProvider.ETA,
                        3,
                        2,
                        "each rung keeps the best 1/eta of its configurations and trains them eta"
                                + " times longer"));
    }

    /**
     * Reads and checks the schedule's settings.
     *
     * @param owner the strategy, for messages (for example {@code strategy 'hyperband'})
     * @param settings the resolved settings
     * @return the schedule
     * @throws IllegalArgumentException naming the setting if min-epochs exceeds max-epochs or their
     *     ratio exceeds {@link #MAX_RATIO}
     */
    static Schedule from(String owner, Settings settings) {
        double min = settings.getDouble(HyperbandProvider.MIN_EPOCHS);
        double max = settings.getDouble(HyperbandProvider.MAX_EPOCHS);
        if (min > max) {
            throw new IllegalArgumentException(
                    "setting '"
                            + HyperbandProvider.MIN_EPOCHS
                            + "' of "
                            + owner
                            + " is "
                            + min
                            + "; expected at most max-epochs ("
                            + max
                            + ")");
        }
        if (max / min > MAX_RATIO) {
            throw new IllegalArgumentException(
                    "setting '"
                            + HyperbandProvider.MAX_EPOCHS
                            + "' of "
                            + owner
                            + " is "
                            + max
                            + "; expected at most "
                            + (long) MAX_RATIO
                            + " times min-epochs ("
                            + min
                            + ")");
        }
        return new Schedule(min, max, settings.getInt(HyperbandProvider.ETA));
    }

    /**
     * Returns the index of the largest bracket, {@code floor(log_eta(maxEpochs / minEpochs))}.
     *
     * @return s_max, at least 0
     */
    int sMax() {
        int s = 0;
        long power = eta;
        while (minEpochs * power <= maxEpochs * (1 + TOLERANCE)) {
            s++;
            power *= eta;
        }
        return s;
    }

    /**
     * Returns the {@code k}-th bracket run, counting from 0: brackets go from {@code sMax} down to
     * 0 and then start again.
     *
     * @param k the number of brackets run before this one
     * @return the bracket
     */
    Bracket bracketNumber(long k) {
        int sMax = sMax();
        return bracket(sMax - (int) (k % (sMax + 1)));
    }

    /**
     * Returns bracket {@code s}.
     *
     * @param s from 0 to {@link #sMax()}
     * @return the bracket
     */
    Bracket bracket(int s) {
        int sMax = sMax();
        if (s < 0 || s > sMax) {
            throw new IllegalArgumentException("bracket " + s + " is outside [0, " + sMax + "]");
        }
        long configs = ((sMax + 1) * power(s) + s) / (s + 1);
        List<Bracket.Rung> rungs = new ArrayList<>();
        for (int i = 0; i <= s; i++) {
            rungs.add(
                    new Bracket.Rung(
                            (int) (configs / power(i)), roundEpochs(maxEpochs / power(s - i))));
        }
        return new Bracket(s, rungs);
    }

    private long power(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= eta;
        }
        return result;
    }

    private static double roundEpochs(double epochs) {
        return Math.round(epochs * EPOCH_RESOLUTION) / EPOCH_RESOLUTION;
    }
}
