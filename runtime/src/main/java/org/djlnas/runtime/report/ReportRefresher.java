package org.djlnas.runtime.report;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.experiment.ExperimentListener;
import org.djlnas.runtime.experiment.Progress;
import org.djlnas.runtime.search.Plugins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running search's HTML report up to date: rewrites it (atomically) when the search starts,
 * after every epoch, and after trials, at most as often as writing it costs time: never sooner than
 * the interval, nor sooner than twice the last write took, so a search of many quick trials spends
 * at most about a third of its time on the report. {@link #finish()} writes the final report.
 */
public final class ReportRefresher implements ExperimentListener, EpochListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReportRefresher.class);

    private final Path experiment;
    private final Path out;
    private final Plugins plugins;
    private final long intervalNanos;
    private long nextWrite;
    private boolean warned;

    /**
     * Creates a refresher.
     *
     * @param experiment the experiment folder
     * @param out the report file
     * @param plugins the plug-ins that rebuild the experiment's space
     * @param interval the shortest time between two writes after trials
     */
    public ReportRefresher(Path experiment, Path out, Plugins plugins, Duration interval) {
        this.experiment = requireNonNull(experiment, "experiment is null");
        this.out = requireNonNull(out, "out is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void onStart(int kept, int rerun) {
        write();
    }

    @Override
    public void onTrialFinished(TrialRecord trial, Progress progress) {
        if (System.nanoTime() - nextWrite >= 0) {
            write();
        }
    }

    @Override
    public void onEpoch(EpochRecord record) {
        write();
    }

    /** Writes the report of the search as it ended. */
    public void finish() {
        write();
    }

    private void write() {
        long start = System.nanoTime();
        try {
            HtmlReport.write(experiment, out, plugins);
        } catch (RuntimeException e) {
            // Whatever keeps the report from being written, the search goes on; say so once.
            if (!warned) {
                LOG.warn("the report {} is not kept up to date: {}", out, e.getMessage());
                warned = true;
            }
        }
        long took = System.nanoTime() - start;
        nextWrite = System.nanoTime() + Math.max(intervalNanos, 2 * took);
    }
}
