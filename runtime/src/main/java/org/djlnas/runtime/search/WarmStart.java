package org.djlnas.runtime.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.PriorTrial;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.store.SqliteExperimentStore;

/**
 * The trials of earlier experiments a new search starts from (a warm start, as auto-sklearn's
 * meta-learned one): every done trial of each experiment, ranked on that experiment's primary
 * objective (objectives of different data sets are not comparable, ranks are), kept if its
 * architecture is one of the new space, best first.
 *
 * <p>They are read once, when the search is created, and journaled under {@value #META_KEY}: a
 * resumed search starts its strategy from the journaled ones, so it replays exactly even when the
 * earlier experiments have since grown, moved or gone.
 */
public final class WarmStart {

    /** The journal's key for the prior trials. */
    public static final String META_KEY = "warmStart";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WarmStart() {}

    /**
     * Reads the prior trials of earlier experiments.
     *
     * @param experiments the experiment folders, as given
     * @param space the new search's space
     * @return the trials, best first (a higher quality first; among equals, the earlier experiment
     *     given, then the earlier trial); an architecture in several experiments appears once, with
     *     its best quality
     * @throws IllegalArgumentException naming the folder if it holds no experiment, no done trial,
     *     or no trial whose architecture the space accepts
     */
    public static List<PriorTrial> read(List<String> experiments, SearchSpace space) {
        Map<String, PriorTrial> byArchitecture = new LinkedHashMap<>();
        for (String experiment : experiments) {
            for (PriorTrial prior : read(experiment, space)) {
                PriorTrial kept = byArchitecture.get(prior.architecture().id());
                if (kept == null || prior.quality() > kept.quality()) {
                    byArchitecture.put(prior.architecture().id(), prior);
                }
            }
        }
        List<PriorTrial> priors = new ArrayList<>(byArchitecture.values());
        priors.sort(Comparator.comparingDouble(PriorTrial::quality).reversed());
        return List.copyOf(priors);
    }

    private static List<PriorTrial> read(String experiment, SearchSpace space) {
        Path folder = Path.of(experiment);
        if (!Files.isRegularFile(folder.resolve(SqliteExperimentStore.FILE_NAME))) {
            throw new IllegalArgumentException(
                    "`warmStart` folder "
                            + experiment
                            + " holds no experiment; expected the folder of an earlier search");
        }
        JournalContents journal = JournalContents.read(folder);
        Objective primary = journal.objectives().get(0);
        List<TrialRecord> done =
                journal.trials().stream()
                        .filter(t -> t.state() == TrialState.DONE)
                        .filter(t -> Double.isFinite(t.metric(primary.metric()).orElse(Double.NaN)))
                        .sorted(
                                Comparator.comparingDouble(
                                        (TrialRecord t) ->
                                                -primary.score(
                                                        t.metric(primary.metric()).getAsDouble())))
                        .toList();
        if (done.isEmpty()) {
            throw new IllegalArgumentException(
                    "`warmStart` experiment "
                            + experiment
                            + " has no done trial with a value of '"
                            + primary.metric()
                            + "'; expected a search that finished trials");
        }
        List<PriorTrial> priors = new ArrayList<>();
        int last = done.size() - 1;
        for (int rank = 0; rank < done.size(); rank++) {
            Architecture architecture;
            try {
                architecture = space.validate(done.get(rank).spec().architecture());
            } catch (IllegalArgumentException e) {
                continue;
            }
            double quality = last == 0 ? 1 : 1.0 - (double) rank / last;
            priors.add(new PriorTrial(architecture, quality, experiment));
        }
        if (priors.isEmpty()) {
            throw new IllegalArgumentException(
                    "`warmStart` experiment "
                            + experiment
                            + " searched space '"
                            + journal.config().space()
                            + "'; none of its "
                            + done.size()
                            + " done trials is an architecture of space '"
                            + space.id()
                            + "'");
        }
        return priors;
    }

    /**
     * Writes prior trials as JSON, to journal them.
     *
     * @param priors the trials
     * @return the JSON
     */
    static String toJson(List<PriorTrial> priors) {
        ArrayNode array = JSON.createArrayNode();
        for (PriorTrial prior : priors) {
            ObjectNode node = array.addObject();
            node.put("source", prior.source());
            node.put("quality", prior.quality());
            try {
                node.set("architecture", JSON.readTree(prior.architecture().toJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a prior trial's architecture", e);
            }
        }
        return array.toString();
    }

    /**
     * Reads journaled prior trials.
     *
     * @param json the JSON of {@link #toJson}
     * @return the trials, in their journaled order
     * @throws IllegalArgumentException if the JSON is not prior trials
     */
    static List<PriorTrial> fromJson(String json) {
        try {
            List<PriorTrial> priors = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                priors.add(
                        new PriorTrial(
                                Architecture.fromJson(node.get("architecture").toString()),
                                node.get("quality").asDouble(),
                                node.get("source").asText()));
            }
            return List.copyOf(priors);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "the experiment's journaled warm start is corrupt: " + e.getMessage(), e);
        }
    }
}
