package org.djlnas.runtime.experiment;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.eval.Pruner;
import org.djlnas.api.eval.ReportHistory;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.store.ExperimentStore;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.jspecify.annotations.Nullable;

/**
 * Runs a multi-trial search: asks the strategy for trials, runs them on the executor, journals
 * every step in the store and tells the strategy the outcomes.
 *
 * <p><b>Determinism.</b> With {@code P} trials running at once, trial {@code k} is asked only after
 * the outcomes of trials {@code 1 … k-P} have been told, in order, and no others. The strategy
 * therefore sees the same calls in the same order however long each trial takes, so the same seed
 * proposes the same architectures at any parallelism, with or without a crash.
 *
 * <p><b>Resume.</b> The same loop replays the journal: a proposal the journal already holds is
 * checked against it; a finished journaled trial is told, not run again; a pending or running one
 * (the process died during it) runs again. Finished trials the journal holds beyond {@code
 * maxTrials} (a resume asking for fewer trials than ran) are not replayed but stay in the result.
 */
public final class Experiment {

    private final Strategy strategy;
    private final Evaluator evaluator;
    private final TrialExecutor executor;
    private final ExperimentStore store;
    private final int maxTrials;
    private final long seed;
    private final List<ExperimentListener> listeners;
    private final Pruner pruner;
    private final List<Objective> objectives;
    private final ReportHistory history = new ReportHistory();

    private Experiment(Builder builder) {
        this.strategy = requireNonNull(builder.strategy, "strategy is not set");
        this.evaluator = requireNonNull(builder.evaluator, "evaluator is not set");
        this.executor = requireNonNull(builder.executor, "executor is not set");
        this.store = requireNonNull(builder.store, "store is not set");
        this.maxTrials = builder.maxTrials;
        this.seed = builder.seed;
        this.listeners = List.copyOf(builder.listeners);
        this.pruner = builder.pruner;
        this.objectives =
                builder.objectives.isEmpty()
                        ? List.of(new Objective(evaluator.objective(), evaluator.direction()))
                        : List.copyOf(builder.objectives);
        if (maxTrials < 1) {
            throw new IllegalArgumentException("trials is " + maxTrials + "; expected at least 1");
        }
    }

    /**
     * Starts building an experiment.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the experiment to its end: {@code maxTrials} trials, or fewer if the strategy runs out
     * of proposals.
     *
     * @return every trial of the experiment and the best one
     * @throws InterruptedException if the thread is interrupted while waiting for trials
     * @throws StoreException if the journal cannot be written, or does not match the strategy
     */
    public ExperimentResult run() throws InterruptedException {
        Instant start = Instant.now();
        Map<Integer, TrialRecord> journal = new HashMap<>();
        for (TrialRecord record : store.trials()) {
            journal.put(record.number(), record);
            if (record.state().isFinished()) {
                history.finish(record.number());
            }
        }
        store.reports().forEach(value -> history.add(scored(value)));
        int kept = (int) journal.values().stream().filter(r -> r.state().isFinished()).count();
        listeners.forEach(l -> l.onStart(kept, journal.size() - kept));

        int parallelism = executor.parallelism();
        TreeMap<Integer, TrialRecord> finished = new TreeMap<>();
        BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        int asked = 0;
        int told = 0;
        int running = 0;
        int finishedThisRun = 0;
        boolean exhausted = false;
        while (true) {
            boolean mayAsk = !exhausted && asked < maxTrials;
            if (mayAsk) {
                int next = asked + 1;
                while (told < next - parallelism && finished.containsKey(told + 1)) {
                    tell(finished.get(++told));
                }
                while (told < asked
                        && strategy.awaitsOutcomes()
                        && finished.containsKey(told + 1)) {
                    tell(finished.get(++told));
                }
                boolean awaiting = strategy.awaitsOutcomes();
                if (awaiting && told == asked) {
                    throw new IllegalStateException(
                            "the strategy awaits outcomes after all "
                                    + asked
                                    + " trials it proposed were told");
                }
                if (!awaiting && told >= next - parallelism && running < parallelism) {
                    Optional<Proposal> proposal = strategy.ask();
                    if (proposal.isEmpty()) {
                        exhausted = true;
                        continue;
                    }
                    TrialSpec spec = spec(next, proposal.get(), finished);
                    TrialRecord journaled = journal.get(next);
                    asked++;
                    if (journaled != null) {
                        checkMatches(journaled, spec);
                        if (journaled.state().isFinished()) {
                            finished.put(next, journaled);
                            continue;
                        }
                    } else {
                        store.recordProposed(spec);
                    }
                    start(spec, completions);
                    running++;
                    continue;
                }
            }
            if (running == 0) {
                break;
            }
            Completion completion = completions.take();
            running--;
            TrialRecord record = journalEnd(completion);
            finished.put(record.number(), record);
            finishedThisRun++;
            Progress progress =
                    new Progress(
                            finished.size(),
                            Math.max(maxTrials, finished.size()),
                            best(finished.values()),
                            Duration.between(start, Instant.now()),
                            finishedThisRun);
            listeners.forEach(l -> l.onTrialFinished(record, progress));
        }
        while (told < asked && finished.containsKey(told + 1)) {
            tell(finished.get(++told));
        }
        // A resume with fewer trials than the journal holds replays only the first ones; the
        // others stay trials of the experiment, and may hold its best.
        journal.values().stream()
                .filter(record -> record.state().isFinished())
                .forEach(record -> finished.putIfAbsent(record.number(), record));
        List<TrialRecord> all = new ArrayList<>(finished.values());
        return new ExperimentResult(all, best(all), Duration.between(start, Instant.now()));
    }

    private TrialSpec spec(int number, Proposal proposal, Map<Integer, TrialRecord> finished) {
        if (proposal.continues().isEmpty()) {
            return new TrialSpec(
                    number,
                    proposal.architecture(),
                    proposal.budget(),
                    TrialSeeds.trial(seed, number));
        }
        int earlier = proposal.continues().getAsInt();
        TrialRecord continued = finished.get(earlier);
        if (continued == null
                || !continued.spec().architecture().equals(proposal.architecture())
                || !(proposal.budget().epochs() > continued.spec().budget().epochs())) {
            throw new IllegalStateException(
                    "the strategy proposed trial "
                            + number
                            + " to continue trial "
                            + earlier
                            + ", which "
                            + (continued == null
                                    ? "has not finished"
                                    : "trained another architecture or as many epochs"));
        }
        return new TrialSpec(
                number,
                proposal.architecture(),
                proposal.budget(),
                continued.spec().seed(),
                proposal.continues());
    }

    private void start(TrialSpec spec, BlockingQueue<Completion> completions) {
        store.markRunning(spec.number(), Instant.now());
        listeners.forEach(l -> l.onTrialStarted(spec));
        executor.submit(
                        spec,
                        evaluator,
                        new JournalingReporter(
                                spec.number(), store, history, pruner, evaluator.direction()))
                .whenComplete(
                        (result, error) -> completions.add(new Completion(spec, result, error)));
    }

    private TrialRecord journalEnd(Completion completion) {
        TrialResult result = completion.result();
        TrialState state;
        Map<String, Double> metrics;
        String error;
        Instant startedAt;
        Instant endedAt;
        if (result == null) {
            Throwable cause = completion.error();
            state = TrialState.FAILED;
            metrics = Map.of();
            error = "the executor failed: " + (cause == null ? "unknown error" : cause.toString());
            startedAt = Instant.now();
            endedAt = startedAt;
        } else {
            state = result.state();
            metrics = result.metrics();
            error = result.error();
            if (state == TrialState.DONE) {
                for (Objective objective : objectives) {
                    if (!metrics.containsKey(objective.metric())) {
                        state = TrialState.FAILED;
                        error = "the evaluator reported no '" + objective.metric() + "' metric";
                        break;
                    }
                }
            }
            startedAt = result.startedAt();
            endedAt = result.endedAt();
        }
        int number = completion.spec().number();
        store.recordFinished(number, state, metrics, error, endedAt);
        history.finish(number);
        return new TrialRecord(completion.spec(), state, metrics, error, startedAt, endedAt);
    }

    private void tell(TrialRecord record) {
        List<Double> scores = new ArrayList<>();
        if (record.state() == TrialState.DONE) {
            for (Objective objective : objectives) {
                OptionalDouble value = record.metric(objective.metric());
                if (value.isEmpty()) {
                    scores.clear();
                    break;
                }
                scores.add(objective.score(value.getAsDouble()));
            }
        }
        OptionalDouble score =
                scores.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(scores.get(0));
        strategy.tell(new TrialOutcome(record.spec(), record.state(), score, scores));
    }

    /** A journaled intermediate value as the pruner compares it: a score, larger is better. */
    private IntermediateValue scored(IntermediateValue value) {
        return new IntermediateValue(
                value.trial(), value.step(), evaluator.direction().score(value.value()));
    }

    private static void checkMatches(TrialRecord journaled, TrialSpec proposed) {
        if (!journaled.spec().architecture().equals(proposed.architecture())
                || !journaled.spec().budget().equals(proposed.budget())
                || !journaled.spec().continues().equals(proposed.continues())) {
            throw new StoreException(
                    "the journal's trial "
                            + proposed.number()
                            + " (architecture "
                            + journaled.spec().architecture().id()
                            + ") differs from what the strategy proposes on replay (architecture "
                            + proposed.architecture().id()
                            + "); the experiment's settings or code changed since it was"
                            + " journaled");
        }
    }

    private Optional<TrialRecord> best(java.util.Collection<TrialRecord> records) {
        return BestTrial.of(records, objectives.get(0).metric(), objectives.get(0).direction());
    }

    private record Completion(
            TrialSpec spec, @Nullable TrialResult result, @Nullable Throwable error) {}

    /** Builds an {@link Experiment}. */
    public static final class Builder {

        private @Nullable Strategy strategy;
        private @Nullable Evaluator evaluator;
        private @Nullable TrialExecutor executor;
        private @Nullable ExperimentStore store;
        private int maxTrials;
        private long seed;
        private final List<ExperimentListener> listeners = new ArrayList<>();
        private Pruner pruner = Pruner.NEVER;
        private List<Objective> objectives = List.of();

        private Builder() {}

        /**
         * Sets what the search optimises (default: the evaluator's objective alone). The first
         * objective is primary: it ranks the best trial and is each outcome's {@link
         * TrialOutcome#objective}; the strategy is told every objective's score ({@link
         * TrialOutcome#scores}). A finished trial that lacks one of the metrics fails.
         *
         * @param objectives the objectives, or an empty list for the evaluator's
         * @return this builder
         */
        public Builder setObjectives(List<Objective> objectives) {
            this.objectives = List.copyOf(objectives);
            return this;
        }

        /**
         * Sets the rule that stops trials early from what they report after each step (default:
         * never).
         *
         * @param pruner the pruner
         * @return this builder
         */
        public Builder setPruner(Pruner pruner) {
            this.pruner = requireNonNull(pruner, "pruner is null");
            return this;
        }

        /**
         * Sets the strategy, freshly created from the experiment's strategy seed.
         *
         * @param strategy the strategy
         * @return this builder
         */
        public Builder setStrategy(Strategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /**
         * Sets the evaluator.
         *
         * @param evaluator the evaluator
         * @return this builder
         */
        public Builder setEvaluator(Evaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        /**
         * Sets the executor; its parallelism is part of what makes a run reproducible.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder setExecutor(TrialExecutor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets the journal.
         *
         * @param store the store
         * @return this builder
         */
        public Builder setStore(ExperimentStore store) {
            this.store = store;
            return this;
        }

        /**
         * Sets the number of trials to run at most.
         *
         * @param maxTrials the number of trials
         * @return this builder
         */
        public Builder setMaxTrials(int maxTrials) {
            this.maxTrials = maxTrials;
            return this;
        }

        /**
         * Sets the experiment seed, from which every trial's seed is derived.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Adds a progress listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addListener(ExperimentListener listener) {
            listeners.add(requireNonNull(listener, "listener is null"));
            return this;
        }

        /**
         * Builds the experiment.
         *
         * @return the experiment
         */
        public Experiment build() {
            return new Experiment(this);
        }
    }
}
