package org.djlnas.runtime.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, as plain values read from an experiment's journal; serialized as JSON
 * into the HTML report, where a small script turns it into charts.
 *
 * @param summary what the experiment is and how it went
 * @param choices the choice labels found in the trials' architectures, with the values seen
 * @param trials every journaled trial, in trial order
 * @param epochs every journaled epoch of a one-shot search, in order
 * @param edgeCandidates edge label → the names of the candidates its architecture weights mix
 * @param cells the cells of the best (or, one-shot, the last derived) architecture as SVG
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportData(
        ReportSummary summary,
        List<ChoiceColumn> choices,
        List<TrialRow> trials,
        List<EpochRow> epochs,
        Map<String, List<String>> edgeCandidates,
        List<CellDiagram> cells) {

    /** Copies the lists. */
    public ReportData {
        choices = List.copyOf(choices);
        trials = List.copyOf(trials);
        epochs = List.copyOf(epochs);
        edgeCandidates = Map.copyOf(edgeCandidates);
        cells = List.copyOf(cells);
    }

    /**
     * Says what the epochs' per-candidate weights ({@link EpochRow#alphas()}) are, for the charts
     * that show them: {@code softmax(α)} for the strategies that learn architecture parameters, and
     * for ENAS, which has none, how often each candidate was on the paths sampled in the epoch.
     *
     * @return a short description
     */
    @JsonProperty("mixingWeights")
    public String mixingWeights() {
        return switch (summary.strategy()) {
            case "darts", "darts-2nd", "gdas" -> "softmax of α";
            case "enas" -> "share of the epoch's sampled paths that took the candidate";
            default -> "weight journaled by the strategy";
        };
    }

    /**
     * One choice label and the values trials chose for it; trials refer to a value by its index.
     *
     * @param label the choice's label
     * @param values the distinct values chosen, as text, in order of first appearance
     */
    public record ChoiceColumn(String label, List<String> values) {

        /** Copies the values. */
        public ChoiceColumn {
            values = List.copyOf(values);
        }
    }

    /**
     * The derived cell of an architecture, drawn as in the DARTS paper's figures.
     *
     * @param label the cell's label
     * @param svg the drawing, an SVG element
     */
    public record CellDiagram(String label, String svg) {}
}
