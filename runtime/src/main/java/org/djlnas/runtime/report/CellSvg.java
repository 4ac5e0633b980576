package org.djlnas.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellEdge;
import org.djlnas.api.cell.CellOutput;

/**
 * Draws a cell of an architecture as an SVG graph in the manner of the DARTS paper's figures: the
 * cell's inputs on the left, its intermediate nodes in order, its output on the right, and every
 * edge that computes something labelled with its operation.
 */
public final class CellSvg {

    private static final int GAP = 170;
    private static final int MARGIN = 50;
    private static final int HEIGHT = 300;
    private static final int MIDDLE = HEIGHT / 2;

    private CellSvg() {}

    /**
     * Draws one cell of an architecture.
     *
     * @param cell the cell
     * @param architecture an architecture of a space holding the cell
     * @return an {@code <svg>} element
     * @throws IllegalArgumentException if the architecture lacks the cell's choices
     */
    public static String draw(Cell cell, Architecture architecture) {
        List<CellEdge> edges = new ArrayList<>();
        for (CellEdge edge : cell.edges(architecture)) {
            if (cell.zeroOperation().map(zero -> !zero.equals(edge.operation())).orElse(true)) {
                edges.add(edge);
            }
        }
        int inputs = cell.inputs();
        int nodes = cell.nodes();
        int output = inputs + nodes;
        double[][] at = new double[output + 1][];
        for (int i = 0; i < inputs; i++) {
            at[i] = new double[] {MARGIN, (HEIGHT * (i + 1.0)) / (inputs + 1)};
        }
        for (int j = 0; j < nodes; j++) {
            at[inputs + j] =
                    new double[] {MARGIN + (j + 1.0) * GAP, MIDDLE + (j % 2 == 0 ? -55 : 55)};
        }
        at[output] = new double[] {MARGIN + (nodes + 1.0) * GAP, MIDDLE};
        int width = (int) at[output][0] + MARGIN + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cell\" width=\"%d\""
                                + " height=\"%d\" viewBox=\"0 0 %d %d\" data-edges=\"%d\">",
                        width,
                        HEIGHT,
                        width,
                        HEIGHT,
                        edges.size()));
        svg.append("<title>").append(escape(cell.label())).append("</title>");
        svg.append(
                "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        for (CellEdge edge : edges) {
            edge(svg, at[edge.from()], at[edge.to()], edge.operation(), edge.to() - edge.from());
        }
        List<Integer> feeding = new ArrayList<>();
        if (cell.output() == CellOutput.LAST_NODE) {
            feeding.add(output - 1);
        } else {
            for (int j = inputs; j < output; j++) {
                feeding.add(j);
            }
        }
        for (int from : feeding) {
            edge(svg, at[from], at[output], "", output - from);
        }
        for (int i = 0; i <= output; i++) {
            String fill = i < inputs ? "#b8e186" : i == output ? "#fee08b" : "#abd9e9";
            node(svg, at[i], name(i, inputs, output), fill);
        }
        return svg.append("</svg>").toString();
    }

    private static String name(int node, int inputs, int output) {
        if (node == output) {
            return "c_{k}";
        }
        if (node < inputs) {
            return "c_{k-" + (inputs - node) + "}";
        }
        return Integer.toString(node - inputs);
    }

    private static void edge(StringBuilder svg, double[] a, double[] b, String label, int span) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length = Math.max(1, Math.hypot(dx, dy));
        // Longer edges bend more, so edges skipping nodes pass around them.
        double bend = span <= 1 ? 0 : 28.0 * (span - 1);
        double cx = (a[0] + b[0]) / 2 - dy / length * bend;
        double cy = (a[1] + b[1]) / 2 + dx / length * bend;
        double[] end = shorten(cx, cy, b, 24);
        double[] start = shorten(cx, cy, a, 24);
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<path class=\"edge\" d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\""
                            + " stroke=\"%s\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>",
                        start[0],
                        start[1],
                        cx,
                        cy,
                        end[0],
                        end[1],
                        label.isEmpty() ? "#999" : "#555"));
        if (!label.isEmpty()) {
            double tx = 0.25 * a[0] + 0.5 * cx + 0.25 * b[0];
            double ty = 0.25 * a[1] + 0.5 * cy + 0.25 * b[1];
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<text class=\"op\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
                                    + " font-size=\"11\" paint-order=\"stroke\" stroke=\"#fff\""
                                    + " stroke-width=\"3\">%s</text>",
                            tx,
                            ty + 4,
                            escape(label)));
        }
    }

    /** The point on the line from the control point to the end, this far before the end. */
    private static double[] shorten(double cx, double cy, double[] end, double by) {
        double dx = end[0] - cx;
        double dy = end[1] - cy;
        double length = Math.max(1, Math.hypot(dx, dy));
        return new double[] {end[0] - dx / length * by, end[1] - dy / length * by};
    }

    private static void node(StringBuilder svg, double[] at, String name, String fill) {
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<g class=\"node\"><rect x=\"%.1f\" y=\"%.1f\" width=\"48\" height=\"32\""
                            + " rx=\"4\" fill=\"%s\" stroke=\"#333\"/><text x=\"%.1f\" y=\"%.1f\""
                            + " text-anchor=\"middle\" font-size=\"12\">%s</text></g>",
                        at[0] - 24,
                        at[1] - 16,
                        fill,
                        at[0],
                        at[1] + 4,
                        escape(name)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
