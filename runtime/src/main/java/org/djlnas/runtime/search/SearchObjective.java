package org.djlnas.runtime.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.data.Task;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.Objective;

/**
 * What a search optimises: a metric and whether larger or smaller is better. Journaled beside the
 * configuration (under {@value #META_KEY}) so that whoever reads the journal later (reports, {@code
 * nas trials}) ranks trials the way the search did, without opening its data.
 *
 * @param metric the objective metric, for example {@code accuracy} or {@code rmse}
 * @param direction whether it is maximised or minimised
 */
public record SearchObjective(String metric, Direction direction) {

    /** The journal's key for the objective. */
    public static final String META_KEY = "objective";

    /** What searches optimised before the objective was journaled: the benchmark's score. */
    public static final SearchObjective SCORE =
            new SearchObjective(Metrics.SCORE, Direction.MAXIMIZE);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Returns the primary objective of a search: the first of its configuration's {@code
     * objectives}, else its evaluator's for a multi-trial search, the data's task's for a one-shot
     * search.
     *
     * @param inputs what the search was built from
     * @param config its configuration
     * @return the objective
     * @throws UncheckedIOException if the data must be read to know its task and cannot be
     */
    static SearchObjective of(SearchSetup.Inputs inputs, ExperimentConfig config) {
        List<Objective> objectives = config.parsedObjectives();
        if (!objectives.isEmpty()) {
            return new SearchObjective(objectives.get(0).metric(), objectives.get(0).direction());
        }
        if (inputs.evaluator().isPresent()) {
            return new SearchObjective(
                    inputs.evaluator().get().objective(), inputs.evaluator().get().direction());
        }
        if (inputs.data().isPresent()) {
            try {
                Task task = inputs.data().get().task();
                return new SearchObjective(task.objective(), task.direction());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return SCORE;
    }

    /**
     * Returns every objective of a journaled search, for readers of its journal: the
     * configuration's {@code objectives}, or the journaled primary objective alone when none were
     * given.
     *
     * @param config the journaled configuration
     * @param journaled the journaled primary objective ({@value #META_KEY}), if any
     * @return the objectives, the first one primary
     */
    public static List<Objective> objectives(ExperimentConfig config, Optional<String> journaled) {
        List<Objective> given = config.parsedObjectives();
        if (!given.isEmpty()) {
            return given;
        }
        SearchObjective primary = journaled.map(SearchObjective::fromJson).orElse(SCORE);
        return List.of(new Objective(primary.metric(), primary.direction()));
    }

    /**
     * Tells whether one trial's objective value is better than another's.
     *
     * @param candidate the value that may be better
     * @param incumbent the value to beat
     * @return whether {@code candidate} is strictly better
     */
    public boolean isBetter(double candidate, double incumbent) {
        return direction.isBetter(candidate, incumbent);
    }

    /**
     * Writes the objective as the journal holds it: {@code
     * {"metric":"rmse","direction":"minimize"}}.
     *
     * @return the JSON
     */
    public String toJson() {
        return JSON.createObjectNode()
                .put("metric", metric)
                .put("direction", direction.id())
                .toString();
    }

    /**
     * Reads an objective as the journal holds it.
     *
     * @param json the JSON
     * @return the objective
     * @throws IllegalArgumentException if the JSON is not an objective
     */
    public static SearchObjective fromJson(String json) {
        try {
            var node = JSON.readTree(json);
            String metric = node.path("metric").asText("");
            String direction = node.path("direction").asText("");
            if (metric.isEmpty()) {
                throw new IllegalArgumentException(
                        "the journaled objective has no metric: " + json);
            }
            return new SearchObjective(metric, parseDirection(direction, json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the journaled objective is not JSON: " + json, e);
        }
    }

    private static Direction parseDirection(String text, String json) {
        for (Direction direction : Direction.values()) {
            if (direction.id().equals(text)) {
                return direction;
            }
        }
        throw new IllegalArgumentException(
                "the journaled objective's direction is '"
                        + text
                        + "'; expected maximize or minimize: "
                        + json);
    }
}
