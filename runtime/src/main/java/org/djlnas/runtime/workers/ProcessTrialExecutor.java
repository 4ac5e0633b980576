package org.djlnas.runtime.workers;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.workers.WorkerProcess.WorkerFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials in long-lived worker processes, one trial at a time in each: DJL allows one PyTorch
 * gradient collector per process, so separate JVMs train side by side where threads of one JVM
 * cannot. Each worker builds the experiment's evaluator from its configuration (the evaluator given
 * to {@link #submit} is not sent), gets a share of the cores, and logs to {@code
 * workers/worker-N.log} in the experiment folder. Intermediate reports travel back to the driver,
 * where the pruner decides; results come back as JSON; only the driver writes the journal.
 *
 * <p>A worker that dies during a trial (killed, out of memory, a native crash) costs that trial
 * only: a fresh worker replaces it and the trial runs again, up to {@code maxRetries} times, then
 * it fails with the reason. Closing the executor, or the driver's shutdown (Ctrl-C, SIGTERM), stops
 * the workers; a driver killed outright closes their input, and they exit.
 */
public final class ProcessTrialExecutor implements TrialExecutor {

    /** The folder, inside the experiment folder, of the workers' logs. */
    public static final String LOG_FOLDER = "workers";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTrialExecutor.class);

    private final int maxRetries;
    private final WorkerCommand command;
    private final Path folder;
    private final String configJson;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final List<Slot> slots = new ArrayList<>();
    private final Thread shutdownHook;
    private volatile boolean closed;

    /**
     * Starts the workers and waits until each has built its evaluator.
     *
     * @param workers how many workers, each running one trial at a time
     * @param maxRetries how many times a trial whose worker died runs again
     * @param workerJvmOptions JVM options added to each worker's command line
     * @param folder the experiment folder
     * @param configJson the experiment's configuration, as journaled
     * @throws IllegalArgumentException if a worker cannot start, with its reason
     */
    public ProcessTrialExecutor(
            int workers,
            int maxRetries,
            List<String> workerJvmOptions,
            Path folder,
            String configJson) {
        this(WorkerCommand.of(workers, workerJvmOptions), workers, maxRetries, folder, configJson);
    }

    ProcessTrialExecutor(
            WorkerCommand command, int workers, int maxRetries, Path folder, String configJson) {
        if (workers < 1) {
            throw new IllegalArgumentException(
                    "`parallel` is " + workers + "; expected at least 1");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException(
                    "`maxRetries` is " + maxRetries + "; expected 0 or more");
        }
        this.maxRetries = maxRetries;
        this.command = command;
        this.folder = requireNonNull(folder, "folder is null");
        this.configJson = requireNonNull(configJson, "configJson is null");
        try {
            Files.createDirectories(folder.resolve(LOG_FOLDER));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot create " + folder.resolve(LOG_FOLDER) + ": " + e.getMessage(), e);
        }
        this.shutdownHook = new Thread(this::kill, "nas-workers-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            for (int i = 1; i <= workers; i++) {
                slots.add(new Slot(i));
            }
            for (Slot slot : slots) { // all start at once; then each is awaited
                slot.begin();
            }
            for (Slot slot : slots) {
                slot.awaitReady();
            }
        } catch (WorkerFailure e) {
            close();
            throw new IllegalArgumentException(
                    "a worker process could not start: " + e.getMessage());
        }
        slots.forEach(Slot::startThread);
    }

    /**
     * Checks, before anything is written, that worker JVMs start with the given options.
     *
     * @param workerJvmOptions the options
     * @throws IllegalArgumentException naming {@code workerJvmOptions} if they do not
     */
    public static void checkJvmOptions(List<String> workerJvmOptions) {
        if (!workerJvmOptions.isEmpty()) {
            WorkerCommand.of(1, workerJvmOptions).checkOptions();
        }
    }

    @Override
    public int parallelism() {
        return slots.size();
    }

    @Override
    public CompletableFuture<TrialResult> submit(
            TrialSpec trial, Evaluator evaluator, TrialReporter reporter) {
        if (closed) {
            throw new IllegalStateException("the executor is closed");
        }
        Job job = new Job(trial, reporter, new CompletableFuture<>());
        jobs.add(job);
        return job.result();
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots) {
            slot.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void kill() {
        closed = true;
        for (Slot slot : slots) {
            WorkerProcess worker = slot.worker;
            if (worker != null) {
                worker.kill();
            }
        }
    }

    private record Job(
            TrialSpec spec, TrialReporter reporter, CompletableFuture<TrialResult> result) {}

    /**
     * One worker's place: a thread that runs jobs on its worker, replacing the worker if it dies.
     */
    private final class Slot implements Runnable {

        private final int index;
        private final Path log;
        private volatile @Nullable WorkerProcess worker;
        private @Nullable Thread thread;

        Slot(int index) {
            this.index = index;
            this.log = folder.resolve(LOG_FOLDER).resolve("worker-" + index + ".log");
        }

        void begin() throws WorkerFailure {
            worker = WorkerProcess.start(command, folder, configJson, log);
        }

        void awaitReady() throws WorkerFailure {
            requireNonNull(worker, "worker is null").awaitReady();
        }

        void startThread() {
            thread = new Thread(this, "nas-worker-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            while (!closed) {
                Job job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    return;
                }
                Instant started = Instant.now();
                try {
                    job.result().complete(runJob(job, started));
                } catch (RuntimeException | Error e) {
                    job.result().complete(failed(started, e.toString()));
                }
            }
        }

        private TrialResult runJob(Job job, Instant started) {
            int number = job.spec().number();
            for (int attempt = 1; ; attempt++) {
                try {
                    WorkerProcess current = worker;
                    if (current == null) {
                        begin();
                        current = requireNonNull(worker, "worker is null");
                        current.awaitReady();
                    }
                    return current.run(job.spec(), job.reporter());
                } catch (WorkerFailure e) {
                    worker = null;
                    String reason = e.getMessage() + " during trial " + number;
                    if (closed) {
                        return failed(started, reason + " (the search was stopping)");
                    }
                    if (attempt > maxRetries) {
                        String tries =
                                attempt == 1 ? "" : ", attempt " + attempt + " of " + attempt;
                        LOG.warn("{}{}; the trial fails", reason, tries);
                        return failed(started, reason + tries + "; worker log " + log);
                    }
                    LOG.warn("{}; a fresh worker runs it again", reason);
                }
            }
        }

        void stop() {
            Thread running = thread;
            if (running != null) {
                running.interrupt();
            }
            WorkerProcess current = worker;
            if (current != null) {
                current.close();
            }
        }
    }

    private static TrialResult failed(Instant started, String reason) {
        return new TrialResult(TrialState.FAILED, Map.of(), reason, started, Instant.now());
    }
}
