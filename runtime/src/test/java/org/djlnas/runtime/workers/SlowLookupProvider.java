package org.djlnas.runtime.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.trial.TrialSpec;

/**
 * A test evaluator that takes its time: it scores an architecture by its id, reports after each of
 * three steps (stopping when told to), and leaves a file {@code started/<trial>-<pid>} in the
 * experiment folder when a trial starts, so tests know which process runs which trial.
 */
public final class SlowLookupProvider implements EvaluatorProvider {

    /** The evaluator's id. */
    public static final String ID = "test-slow-lookup";

    /** The setting with the milliseconds of one step. */
    public static final String STEP_MILLIS = "step-millis";

    /**
     * The setting that makes the evaluator fail to build in a worker process, as without natives.
     */
    public static final String BROKEN_IN_WORKERS = "broken-in-workers";

    /** The folder of the started files. */
    public static final String STARTED = "started";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "test: scores by architecture id, slowly";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.integer(STEP_MILLIS, 50, 0, "milliseconds per step"),
                SettingSpec.bool(BROKEN_IN_WORKERS, false, "fail to build in a worker process"));
    }

    @Override
    public Evaluator create(EvaluatorContext context) throws IOException {
        int millis = context.settings().getInt(STEP_MILLIS);
        if (context.settings().getBoolean(BROKEN_IN_WORKERS)
                && System.getProperty("sun.java.command", "").contains("TrialWorker")) {
            throw new IOException("no natives for this evaluator in " + context.folder());
        }
        Path started = context.folder().resolve(STARTED);
        Files.createDirectories(started);
        return new Evaluator() {
            @Override
            public String objective() {
                return "score";
            }

            @Override
            public Map<String, Double> evaluate(TrialSpec trial) throws Exception {
                return evaluate(trial, TrialReporter.NONE);
            }

            @Override
            public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter)
                    throws Exception {
                Files.createFile(
                        started.resolve(trial.number() + "-" + ProcessHandle.current().pid()));
                double score = score(trial);
                for (int step = 1; step <= 3; step++) {
                    Thread.sleep(millis);
                    reporter.report(score * step / 3, step);
                    if (reporter.shouldStop()) {
                        throw new TrialPrunedException(
                                "stopped after step " + step, Map.of("score", score * step / 3));
                    }
                }
                return Map.of("score", score);
            }
        };
    }

    /**
     * Returns the score of a trial: a number in [0, 1) fixed by its architecture.
     *
     * @param trial the trial
     * @return the score
     */
    public static double score(TrialSpec trial) {
        return (trial.architecture().id().hashCode() & 0xffff) / 65536.0;
    }
}
