package org.djlnas.runtime.report;

import java.util.List;
import java.util.Map;

/**
 * One epoch of a one-shot search as a report shows it.
 *
 * @param epoch the epoch, counting from 1
 * @param id the id of the architecture derived after it
 * @param metrics its metrics (supernet accuracy, losses, seconds)
 * @param alphas edge label → the softmax of its architecture parameters, one per candidate (named
 *     by {@link ReportData#edgeCandidates()})
 */
public record EpochRow(
        int epoch, String id, Map<String, Double> metrics, Map<String, List<Double>> alphas) {}
