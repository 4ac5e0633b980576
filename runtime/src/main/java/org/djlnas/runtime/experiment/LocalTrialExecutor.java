package org.djlnas.runtime.experiment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialInfeasibleException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials on a fixed pool of threads in this JVM. A trial that throws, runs out of memory or
 * reports a non-finite metric fails with the reason; the others go on.
 */
public final class LocalTrialExecutor implements TrialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTrialExecutor.class);

    private final int parallelism;
    private final ExecutorService pool;

    /**
     * Creates an executor.
     *
     * @param parallelism how many trials may run at once, at least 1
     */
    public LocalTrialExecutor(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "parallel is " + parallelism + "; expected at least 1");
        }
        this.parallelism = parallelism;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory =
                runnable -> {
                    Thread thread = new Thread(runnable, "nas-trial-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                };
        this.pool = Executors.newFixedThreadPool(parallelism, factory);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public CompletableFuture<TrialResult> submit(
            TrialSpec trial, Evaluator evaluator, TrialReporter reporter) {
        return CompletableFuture.supplyAsync(() -> run(trial, evaluator, reporter), pool);
    }

    private static TrialResult run(TrialSpec trial, Evaluator evaluator, TrialReporter reporter) {
        Instant started = Instant.now();
        try {
            Map<String, Double> metrics = evaluator.evaluate(trial, reporter);
            for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                if (metric.getValue() == null || !Double.isFinite(metric.getValue())) {
                    return failed(
                            started, "metric '" + metric.getKey() + "' is " + metric.getValue());
                }
            }
            return new TrialResult(TrialState.DONE, metrics, null, started, Instant.now());
        } catch (TrialPrunedException e) {
            return new TrialResult(
                    TrialState.PRUNED, finite(e.metrics()), e.getMessage(), started, Instant.now());
        } catch (TrialInfeasibleException e) {
            return new TrialResult(
                    TrialState.INFEASIBLE,
                    finite(e.metrics()),
                    e.getMessage(),
                    started,
                    Instant.now());
        } catch (TrialFailedException e) {
            return failed(started, e.getMessage());
        } catch (OutOfMemoryError e) {
            return failed(started, "out of memory: " + e.getMessage());
        } catch (Exception | Error e) {
            LOG.debug("trial {} failed", trial.number(), e);
            return failed(started, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> finite = new LinkedHashMap<>(metrics);
        finite.values().removeIf(value -> value == null || !Double.isFinite(value));
        return finite;
    }

    private static TrialResult failed(Instant started, String reason) {
        return new TrialResult(TrialState.FAILED, Map.of(), reason, started, Instant.now());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
