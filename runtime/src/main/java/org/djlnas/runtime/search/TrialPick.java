package org.djlnas.runtime.search;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.djlnas.api.eval.Constraint;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.experiment.BestTrial;

/**
 * A trial of a finished search chosen to retrain, export or publish instead of the best one: a done
 * trial by its number ({@code trial}), or the best trial on the primary objective among those on
 * the Pareto front ({@link TrialFront}) that keep some conditions ({@code pick}, each written as a
 * {@link Constraint}, such as {@code params<=100000}).
 *
 * @param trial the chosen trial, as journaled
 * @param config the configuration of the search that ran it
 */
public record TrialPick(TrialRecord trial, ExperimentConfig config) {

    /** Checks the fields. */
    public TrialPick {
        requireNonNull(trial, "trial is null");
        requireNonNull(config, "config is null");
    }

    /**
     * Returns the trial as retraining reads what a search found.
     *
     * @return its architecture and the search's configuration
     */
    public Retraining.Found found() {
        return new Retraining.Found(trial.spec().architecture(), config);
    }

    /**
     * Chooses a done trial by its number.
     *
     * @param experiment the experiment folder
     * @param number the trial's number
     * @return the trial
     * @throws IllegalArgumentException naming the trial if there is none, or it is not done
     */
    public static TrialPick byNumber(Path experiment, int number) {
        JournalContents journal = JournalContents.read(experiment);
        if (journal.trials().isEmpty()) {
            throw new IllegalArgumentException(
                    "`trial` is "
                            + number
                            + ", but the experiment holds no trials (a one-shot search finds one"
                            + " architecture: leave `trial` out)");
        }
        TrialRecord trial =
                journal.trials().stream()
                        .filter(t -> t.number() == number)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "`trial` is "
                                                        + number
                                                        + "; the experiment's trials are 1 to "
                                                        + journal.trials().size()));
        if (trial.state() != TrialState.DONE) {
            throw new IllegalArgumentException(
                    "`trial` "
                            + number
                            + " is "
                            + trial.state().name().toLowerCase(Locale.ROOT)
                            + trial.errorMessage().map(e -> " (" + e + ")").orElse("")
                            + "; expected a done trial");
        }
        return new TrialPick(trial, journal.config());
    }

    /**
     * Chooses, among the trials on the experiment's Pareto front that keep every condition, the
     * best on the primary objective ({@link BestTrial}: on a tie, the lower validation loss, then
     * the earliest).
     *
     * @param experiment the experiment folder
     * @param conditions the conditions, each {@code METRIC<=LIMIT} or {@code METRIC>=LIMIT}
     * @return the trial
     * @throws IllegalArgumentException naming the conditions if no trial on the front keeps them
     */
    public static TrialPick onFront(Path experiment, List<String> conditions) {
        List<Constraint> parsed = new ArrayList<>();
        for (String condition : conditions) {
            try {
                parsed.add(Constraint.parse(condition));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("`pick`: " + e.getMessage(), e);
            }
        }
        JournalContents journal = JournalContents.read(experiment);
        List<Objective> objectives = journal.objectives();
        List<TrialRecord> front = TrialFront.of(journal.trials(), objectives);
        String written = parsed.stream().map(Constraint::toString).collect(Collectors.joining(" "));
        if (front.isEmpty()) {
            throw new IllegalArgumentException(
                    "`pick` " + written + ": the experiment has no done trial to pick from");
        }
        for (Constraint condition : parsed) {
            if (front.stream().anyMatch(t -> t.metric(condition.metric()).isEmpty())) {
                throw new IllegalArgumentException(
                        "`pick` "
                                + condition
                                + ": the trials on the front do not all report '"
                                + condition.metric()
                                + "'; they report "
                                + String.join(
                                        ", ", new TreeSet<>(front.get(0).metrics().keySet())));
            }
        }
        Objective primary = objectives.get(0);
        List<TrialRecord> keeping = front.stream().filter(t -> keepsAll(t, parsed)).toList();
        return BestTrial.of(keeping, primary.metric(), primary.direction())
                .map(t -> new TrialPick(t, journal.config()))
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "`pick` "
                                                + written
                                                + ": none of the "
                                                + front.size()
                                                + " trials on the Pareto front over "
                                                + objectives.stream()
                                                        .map(Objective::toString)
                                                        .collect(Collectors.joining(", "))
                                                + " keeps it; on the front "
                                                + ranges(front, parsed)));
    }

    private static boolean keepsAll(TrialRecord trial, List<Constraint> conditions) {
        return conditions.stream().allMatch(c -> c.admits(value(trial, c.metric())));
    }

    /** How each condition's metric ranges over the front: "parameters is 100 to 3000". */
    private static String ranges(List<TrialRecord> front, List<Constraint> conditions) {
        return conditions.stream()
                .map(Constraint::metric)
                .distinct()
                .map(
                        metric -> {
                            var values =
                                    front.stream()
                                            .mapToDouble(t -> value(t, metric))
                                            .summaryStatistics();
                            return metric
                                    + " is "
                                    + number(values.getMin())
                                    + " to "
                                    + number(values.getMax());
                        })
                .collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    private static double value(TrialRecord trial, String metric) {
        return trial.metric(metric).orElse(Double.NaN);
    }
}
