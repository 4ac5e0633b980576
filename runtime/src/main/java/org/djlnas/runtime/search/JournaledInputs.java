package org.djlnas.runtime.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.runtime.benchmark.TabularBenchmarkEvaluator;
import org.djlnas.runtime.experiment.ConstrainedEvaluator;
import org.jspecify.annotations.Nullable;

/**
 * The content of the files a search reads, journaled beside its configuration (under {@value
 * #META_KEY}) so that a resumed search can tell whether they changed since it began. Holds the
 * tabular benchmark's SHA-256; data files may join under fields of their own (unknown fields are
 * ignored when read).
 *
 * @param benchmark the tabular benchmark trials are looked up in, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournaledInputs(@Nullable Digest benchmark) {

    /** The journal's key for the inputs. */
    public static final String META_KEY = "inputs";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The content hash of one input.
     *
     * @param source the file, or the id of a built-in table
     * @param sha256 the SHA-256 of its bytes, in hexadecimal
     */
    public record Digest(String source, String sha256) {}

    /**
     * Returns the inputs an evaluator read.
     *
     * @param evaluator the evaluator of a multi-trial search, if there is one
     * @return the inputs
     */
    static JournaledInputs of(Optional<Evaluator> evaluator) {
        return new JournaledInputs(
                evaluator
                        .map(ConstrainedEvaluator::unwrap)
                        .filter(TabularBenchmarkEvaluator.class::isInstance)
                        .map(TabularBenchmarkEvaluator.class::cast)
                        .map(e -> new Digest(e.table().source(), e.table().sha256()))
                        .orElse(null));
    }

    /**
     * Checks that the inputs read now hold what the journal recorded.
     *
     * @param now the inputs read now
     * @throws IllegalArgumentException naming the input and both hashes if one changed
     */
    void checkUnchanged(JournaledInputs now) {
        Digest then = benchmark;
        Digest current = now.benchmark();
        if (then != null && current != null && !then.sha256().equals(current.sha256())) {
            throw new IllegalArgumentException(
                    "benchmark table "
                            + current.source()
                            + " is not the table the experiment began with (SHA-256 "
                            + current.sha256()
                            + ", journaled "
                            + then.sha256()
                            + " for "
                            + then.source()
                            + "); resume with the original table");
        }
    }

    /**
     * Writes the inputs as JSON.
     *
     * @return the JSON
     */
    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the experiment's inputs", e);
        }
    }

    /**
     * Reads inputs from JSON.
     *
     * @param json the JSON
     * @return the inputs
     * @throws IllegalArgumentException if the JSON is not inputs
     */
    static JournaledInputs fromJson(String json) {
        try {
            return JSON.readValue(json, JournaledInputs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the experiment's journaled inputs are corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
