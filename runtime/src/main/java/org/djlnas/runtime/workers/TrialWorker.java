package org.djlnas.runtime.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.runtime.experiment.LocalTrialExecutor;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSetup;

/**
 * The main class of a worker process. It reads the experiment's configuration from its standard
 * input, builds the same evaluator as the driver through the plug-in registry, then runs the trials
 * it is sent, one at a time, on the {@link LocalTrialExecutor}'s rules (a failing trial becomes a
 * failed result). It exits when its standard input ends or its parent process is gone, so a killed
 * driver leaves no worker behind.
 */
public final class TrialWorker {

    private static final long PARENT_POLL_MILLIS = 1000;

    private final PrintStream out;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();

    private TrialWorker(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs a worker.
     *
     * @param args the experiment folder
     */
    public static void main(String[] args) {
        // The protocol owns standard output; whatever Java code prints goes to standard error.
        PrintStream protocol =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        watchParent();
        new TrialWorker(protocol).serve(Path.of(args[0]));
    }

    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        Thread watcher =
                new Thread(
                        () -> {
                            while (parent == null || parent.isAlive()) {
                                try {
                                    Thread.sleep(PARENT_POLL_MILLIS);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            System.err.println("worker: the driver is gone; exiting");
                            Runtime.getRuntime().halt(3);
                        },
                        "nas-worker-parent");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void serve(Path folder) {
        Thread reader = new Thread(this::read, "nas-worker-stdin");
        reader.setDaemon(true);
        reader.start();
        Evaluator evaluator;
        try {
            JsonNode setup = next(WorkerMessages.SETUP);
            ExperimentConfig config = ExperimentConfig.fromJson(setup.get("config").asText());
            evaluator = SearchSetup.evaluator(config, Plugins.discover(), folder);
        } catch (RuntimeException | InterruptedException e) {
            send(WorkerMessages.broken(String.valueOf(e.getMessage())));
            e.printStackTrace();
            Runtime.getRuntime().halt(2);
            return;
        }
        send(WorkerMessages.ready());
        try (LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            while (true) {
                JsonNode trial = next(WorkerMessages.TRIAL);
                TrialResult result =
                        executor.submit(WorkerMessages.trial(trial), evaluator, new Reporter())
                                .join();
                send(WorkerMessages.result(result));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads standard input into the inbox; its end (the driver closed it or died) ends the worker.
     */
    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode message = WorkerMessages.parse(line);
                if (message != null) {
                    inbox.add(message);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("worker: cannot read from the driver: " + e);
        }
        Runtime.getRuntime().halt(0);
    }

    private JsonNode next(String type) throws InterruptedException {
        JsonNode message = inbox.take();
        String actual = message.get("type").asText();
        if (!actual.equals(type)) {
            throw new IllegalStateException(
                    "the driver sent a '" + actual + "' message where '" + type + "' was expected");
        }
        return message;
    }

    private synchronized void send(String line) {
        out.println(line);
        out.flush();
    }

    /** Sends each report to the driver, where the pruner decides, and waits for its verdict. */
    private final class Reporter implements TrialReporter {

        private boolean stop;

        @Override
        public void report(double value, int step) {
            if (step < 1) {
                throw new IllegalArgumentException("step is " + step + "; expected at least 1");
            }
            send(WorkerMessages.report(value, step));
            try {
                stop = next(WorkerMessages.VERDICT).get("stop").asBoolean();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the driver", e);
            }
        }

        @Override
        public boolean shouldStop() {
            return stop;
        }
    }
}
