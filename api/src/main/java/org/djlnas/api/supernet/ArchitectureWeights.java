package org.djlnas.api.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellEdge;
import org.jspecify.annotations.Nullable;

/**
 * The architecture parameters α of a supernet: one vector per edge, one entry per candidate
 * operation of the edge's cell. They are kept apart from the network's weights (they are not
 * parameters of any block), so they have their own optimizer, their own checkpoint entry and no
 * share in weight decay of the weights.
 *
 * <p>Cells of the same kind share their α, as in DARTS: every normal cell of a network reads the
 * vector of label {@code normal/node2/from0}.
 *
 * <p>They also hold the single path a supernet computes while one is chosen ({@link #choosePaths}):
 * then every {@link MixedOp} computes only its edge's chosen candidate instead of the mixture.
 */
public final class ArchitectureWeights {

    private final Map<String, NDArray> alphas;
    private final Map<String, SearchCell> cells;
    private Map<String, EdgePath> paths = Map.of();
    private MixingForm mixingForm = MixingForm.LOOPED;

    private ArchitectureWeights(Map<String, NDArray> alphas, Map<String, SearchCell> cells) {
        this.alphas = alphas;
        this.cells = cells;
    }

    /**
     * Creates α for every edge of the given cells, each entry drawn from {@code N(0, scale²)} with
     * a seeded generator (so the same seed gives the same α on every engine), ready to receive
     * gradients.
     *
     * @param manager the manager that owns the arrays
     * @param searchCells the searched cells
     * @param seed the seed
     * @param scale the standard deviation (DARTS uses 1e-3)
     * @return the parameters
     */
    public static ArchitectureWeights create(
            NDManager manager, List<SearchCell> searchCells, long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, NDArray> alphas = new LinkedHashMap<>();
        Map<String, SearchCell> cells = new LinkedHashMap<>();
        for (SearchCell cell : searchCells) {
            for (String label : cell.edgeLabels()) {
                if (cells.containsKey(label)) {
                    throw new IllegalArgumentException(
                            "edge label '" + label + "' appears in two searched cells");
                }
                float[] values = new float[cell.candidates().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (scale * gaussian(random));
                }
                NDArray alpha = manager.create(values);
                alpha.setRequiresGradient(true);
                alphas.put(label, alpha);
                cells.put(label, cell);
            }
        }
        return new ArchitectureWeights(alphas, cells);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * Returns the α vector of an edge.
     *
     * @param edgeLabel the edge's label
     * @return the vector, one entry per candidate
     * @throws IllegalArgumentException if no searched cell has this edge
     */
    public NDArray alpha(String edgeLabel) {
        NDArray alpha = alphas.get(edgeLabel);
        if (alpha == null) {
            throw new IllegalArgumentException(
                    "no architecture weights for edge '"
                            + edgeLabel
                            + "'; edges are "
                            + alphas.keySet());
        }
        return alpha;
    }

    /**
     * Returns the searched cell an edge belongs to.
     *
     * @param edgeLabel the edge's label
     * @return the cell
     */
    public SearchCell cellOf(String edgeLabel) {
        alpha(edgeLabel);
        return cells.get(edgeLabel);
    }

    /**
     * Chooses one candidate per edge: until {@link #clearPaths()}, the supernet computes a single
     * path, as single-path one-shot methods do. Cells of the same kind share the path as they share
     * α.
     *
     * @param chosen label → path, for every edge
     * @throws IllegalArgumentException if an edge is missing or unknown, or a path names a
     *     candidate the edge does not have
     */
    public void choosePaths(Map<String, EdgePath> chosen) {
        List<String> missing = new ArrayList<>();
        for (String label : alphas.keySet()) {
            EdgePath path = chosen.get(label);
            if (path == null) {
                missing.add(label);
                continue;
            }
            SearchCell cell = cells.get(label);
            int candidate = path.candidate();
            if (candidate < EdgePath.ZERO || candidate >= cell.candidates().size()) {
                throw new IllegalArgumentException(
                        "edge '"
                                + label
                                + "': path candidate "
                                + candidate
                                + " is not one of the "
                                + cell.candidates().size()
                                + " candidates "
                                + cell.candidates());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no path chosen for edges " + missing);
        }
        for (String label : chosen.keySet()) {
            alpha(label);
        }
        paths = Map.copyOf(chosen);
    }

    /**
     * Chooses the single path of an architecture of the space: every edge the architecture uses
     * computes its chosen operation, every other edge (and every edge on the zero operation)
     * outputs zeros.
     *
     * @param architecture a valid architecture of the space whose cells these weights search
     * @throws IllegalArgumentException if the architecture chooses an operation an edge does not
     *     have as a candidate
     */
    public void choosePaths(Architecture architecture) {
        Map<String, EdgePath> chosen = new LinkedHashMap<>();
        Set<String> done = new HashSet<>();
        for (SearchCell searchCell : cells.values()) {
            Cell cell = searchCell.cell();
            if (!done.add(cell.label())) {
                continue;
            }
            searchCell.edgeLabels().forEach(label -> chosen.put(label, EdgePath.zero()));
            for (CellEdge edge : cell.edges(architecture)) {
                String label = cell.edgeLabel(edge.to(), edge.from());
                int candidate = searchCell.candidates().indexOf(edge.operation());
                if (candidate < 0) {
                    throw new IllegalArgumentException(
                            "edge '"
                                    + label
                                    + "': operation '"
                                    + edge.operation()
                                    + "' is not one of the candidates "
                                    + searchCell.candidates());
                }
                chosen.put(label, EdgePath.of(candidate));
            }
        }
        choosePaths(chosen);
    }

    /**
     * Chooses how every {@link MixedOp} computes its mixture: the form the engine declares ({@link
     * org.djlnas.api.engine.EngineSupport#mixingForm()}); the result is the same either way.
     *
     * @param form the form; {@link MixingForm#LOOPED} until set
     */
    public void setMixingForm(MixingForm form) {
        this.mixingForm = Objects.requireNonNull(form, "form is null");
    }

    /**
     * Returns how mixed operations compute their mixture.
     *
     * @return the form
     */
    public MixingForm mixingForm() {
        return mixingForm;
    }

    /** Goes back to computing every edge's full mixture. */
    public void clearPaths() {
        paths = Map.of();
    }

    /**
     * Returns the path chosen for an edge, if any.
     *
     * @param edgeLabel the edge's label
     * @return its path, or null when the edge computes its mixture
     */
    public @Nullable EdgePath path(String edgeLabel) {
        return paths.get(edgeLabel);
    }

    /**
     * Returns every edge label, in a fixed order.
     *
     * @return the labels
     */
    public List<String> labels() {
        return List.copyOf(alphas.keySet());
    }

    /**
     * Returns the α arrays in the order of {@link #labels()}.
     *
     * @return the arrays
     */
    public List<NDArray> arrays() {
        return List.copyOf(alphas.values());
    }

    /**
     * Copies α to the host: the raw values of every edge.
     *
     * @return label → values, in the order of {@link #labels()}
     */
    public Map<String, double[]> values() {
        Map<String, double[]> result = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> entry : alphas.entrySet()) {
            float[] raw = entry.getValue().toFloatArray();
            double[] values = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                values[i] = raw[i];
            }
            result.put(entry.getKey(), values);
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Returns the mixing weights, {@code softmax(α)}, of every edge.
     *
     * @return label → probabilities, in the order of {@link #labels()}
     */
    public Map<String, double[]> probabilities() {
        Map<String, double[]> result = new LinkedHashMap<>();
        values().forEach((label, values) -> result.put(label, softmax(values)));
        return Collections.unmodifiableMap(result);
    }

    /**
     * Overwrites α in place (to resume from a checkpoint).
     *
     * @param values label → values for every edge
     * @throws IllegalArgumentException if an edge is missing or has the wrong length
     */
    public void load(Map<String, double[]> values) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, NDArray> entry : alphas.entrySet()) {
            double[] given = values.get(entry.getKey());
            NDArray alpha = entry.getValue();
            if (given == null) {
                missing.add(entry.getKey());
                continue;
            }
            if (given.length != alpha.size()) {
                throw new IllegalArgumentException(
                        "architecture weights of edge '"
                                + entry.getKey()
                                + "' have "
                                + given.length
                                + " values; expected "
                                + alpha.size());
            }
            float[] single = new float[given.length];
            for (int i = 0; i < given.length; i++) {
                single[i] = (float) given[i];
            }
            try (NDArray source = alpha.getManager().create(single)) {
                source.copyTo(alpha);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "architecture weights are missing for edges " + missing);
        }
    }

    /**
     * The softmax of a vector, computed stably.
     *
     * @param values the vector
     * @return its softmax
     */
    public static double[] softmax(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.exp(values[i] - max);
            sum += result[i];
        }
        for (int i = 0; i < values.length; i++) {
            result[i] /= sum;
        }
        return result;
    }
}
