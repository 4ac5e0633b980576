package org.djlnas.runtime.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.TrialSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running worker process, seen from the driver: it is started with the experiment's
 * configuration, then runs one trial at a time. Its standard error goes to its log file.
 */
final class WorkerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

    private final Process process;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Path log;
    private final long logStart;
    private boolean ready;

    private WorkerProcess(Process process, Path log, long logStart) {
        this.process = process;
        this.in =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintWriter(process.getOutputStream(), false, StandardCharsets.UTF_8);
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * Starts a worker and sends it the experiment's configuration; {@link #awaitReady} waits for it
     * to build its evaluator.
     *
     * @param command the worker's command
     * @param folder the experiment folder
     * @param configJson the experiment's configuration as journaled
     * @param log the file the worker's standard error is appended to
     * @return the worker
     * @throws WorkerFailure if it cannot be started
     */
    static WorkerProcess start(WorkerCommand command, Path folder, String configJson, Path log)
            throws WorkerFailure {
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder =
                    new ProcessBuilder(command.commandLine(folder))
                            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            command.configure(builder.environment());
            WorkerProcess worker = new WorkerProcess(builder.start(), log, logStart);
            worker.send(WorkerMessages.setup(configJson));
            return worker;
        } catch (IOException e) {
            throw new WorkerFailure("cannot start a worker process: " + e.getMessage());
        }
    }

    /**
     * Waits until the worker has built its evaluator.
     *
     * @throws WorkerFailure if it exited or could not build it, with the reason
     */
    void awaitReady() throws WorkerFailure {
        JsonNode message = next();
        switch (message.get("type").asText()) {
            case WorkerMessages.READY -> ready = true;
            case WorkerMessages.BROKEN -> {
                close();
                throw new WorkerFailure(message.get("reason").asText());
            }
            default -> throw unexpected(message);
        }
    }

    /**
     * Returns the worker's process id.
     *
     * @return the process id
     */
    long pid() {
        return process.pid();
    }

    /**
     * Runs one trial on the worker; its intermediate reports go to the reporter, whose verdict is
     * sent back.
     *
     * @param spec the trial
     * @param reporter where its reports go
     * @return the trial's result
     * @throws WorkerFailure if the worker exits during the trial
     */
    TrialResult run(TrialSpec spec, TrialReporter reporter) throws WorkerFailure {
        send(WorkerMessages.trial(spec));
        while (true) {
            JsonNode message = next();
            switch (message.get("type").asText()) {
                case WorkerMessages.REPORT -> {
                    reporter.report(message.get("value").asDouble(), message.get("step").asInt());
                    send(WorkerMessages.verdict(reporter.shouldStop()));
                }
                case WorkerMessages.RESULT -> {
                    return WorkerMessages.result(message);
                }
                default -> throw unexpected(message);
            }
        }
    }

    private IllegalStateException unexpected(JsonNode message) {
        close();
        return new IllegalStateException("worker " + pid() + " sent an unexpected " + message);
    }

    private void send(String line) throws WorkerFailure {
        out.println(line);
        out.flush();
        if (out.checkError()) {
            throw new WorkerFailure(exit());
        }
    }

    /** Reads the next message; other lines on the worker's standard output are logged. */
    private JsonNode next() throws WorkerFailure {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode message = WorkerMessages.parse(line);
                if (message != null) {
                    return message;
                }
                LOG.info("worker {}: {}", pid(), line);
            }
        } catch (IOException e) {
            LOG.debug("worker {}: reading failed", pid(), e);
        }
        throw new WorkerFailure(exit());
    }

    /**
     * Waits for the process to end and says how it ended, with the first line it logged if it ended
     * before it was ready.
     */
    private String exit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = process.exitValue();
        String how =
                code > 128
                        ? "worker exited with signal " + (code - 128)
                        : "worker exited with code " + code;
        String logged = ready ? "" : logged();
        return how + (logged.isEmpty() ? "" : " (" + logged + ")");
    }

    private String logged() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = Math.min(file.length() - logStart, 4096);
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) length];
            file.seek(logStart);
            file.readFully(bytes);
            String first = WorkerCommand.firstLine(new String(bytes, StandardCharsets.UTF_8));
            return first.startsWith("WARNING") ? "" : first;
        } catch (IOException e) {
            return "";
        }
    }

    /** Ends the worker: closes its input, then kills it if it has not exited within 5 s. */
    @Override
    public void close() {
        out.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the worker at once (the driver is shutting down). */
    void kill() {
        process.destroyForcibly();
    }

    /** A worker exited, or could not start, with the reason. */
    static final class WorkerFailure extends Exception {

        private static final long serialVersionUID = 1L;

        WorkerFailure(String reason) {
            super(reason);
        }
    }
}
