package org.djlnas.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.experiment.ExperimentListener;
import org.djlnas.runtime.experiment.Progress;

/**
 * Shows a search's progress on stderr: a progress bar redrawn in place when stderr is a terminal
 * (trials done, best so far, elapsed, estimated time left), plain log lines otherwise.
 */
final class ProgressReporter implements ExperimentListener {

    /** Set by the {@code nas} launcher when stderr is a terminal. */
    static final String TTY_PROPERTY = "nas.stderr.tty";

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final String objective;
    private final boolean terminal;

    ProgressReporter(PrintWriter err, String objective, boolean terminal) {
        this.err = err;
        this.objective = objective;
        this.terminal = terminal;
    }

    /**
     * Tells whether stderr is a terminal, as the launcher found.
     *
     * @return true on a terminal
     */
    static boolean stderrIsTerminal() {
        return Boolean.getBoolean(TTY_PROPERTY);
    }

    @Override
    public void onStart(int kept, int rerun) {
        if (kept + rerun > 0) {
            line(
                    "resuming: "
                            + kept
                            + " finished trials kept, "
                            + rerun
                            + " interrupted trials to run again");
        }
    }

    @Override
    public void onTrialStarted(TrialSpec trial) {
        if (!terminal) {
            line("trial " + trial.number() + " started: architecture " + trial.architecture().id());
        }
    }

    @Override
    public void onTrialFinished(TrialRecord trial, Progress progress) {
        if (terminal) {
            err.print("\r" + bar(progress) + "\u001B[K");
            if (progress.finished() >= progress.total()) {
                err.println();
            }
            err.flush();
            return;
        }
        String outcome =
                trial.state() == TrialState.DONE
                        ? objective + " " + format(trial.metric(objective).orElse(Double.NaN))
                        : trial.state().name().toLowerCase(Locale.ROOT)
                                + ": "
                                + trial.errorMessage().orElse("");
        line(
                "trial "
                        + trial.number()
                        + " ("
                        + progress.finished()
                        + "/"
                        + progress.total()
                        + ") "
                        + outcome
                        + best(progress)
                        + "; elapsed "
                        + duration(progress.elapsed())
                        + remaining(progress));
    }

    private String bar(Progress progress) {
        int filled = (int) ((long) BAR_WIDTH * progress.finished() / Math.max(1, progress.total()));
        return "["
                + "#".repeat(filled)
                + ".".repeat(BAR_WIDTH - filled)
                + "] "
                + progress.finished()
                + "/"
                + progress.total()
                + " trials"
                + best(progress)
                + " | "
                + duration(progress.elapsed())
                + remaining(progress);
    }

    private String best(Progress progress) {
        return progress.best()
                .map(
                        b ->
                                ", best "
                                        + format(b.metric(objective).orElse(Double.NaN))
                                        + " (trial "
                                        + b.number()
                                        + ")")
                .orElse("");
    }

    private static String remaining(Progress progress) {
        return progress.remaining().map(r -> ", ~" + duration(r) + " left").orElse("");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds / 60 % 60) + "m";
    }

    private void line(String text) {
        err.println(text);
        err.flush();
    }
}
