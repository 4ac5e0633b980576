package org.djlnas.spaces.darts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellEdge;

/**
 * Converts the DARTS code's genotype strings, such as {@code Genotype(normal=[('sep_conv_3x3', 0),
 * ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])}, to and from
 * architectures of a {@link DartsSpace}. Each cell lists two (operation, input) pairs per node.
 */
public final class DartsGenotype {

    /** The DARTS-V2 genotype published with the DARTS paper. */
    public static final String DARTS_V2 =
            "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0),"
                    + " ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0),"
                    + " ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5],"
                    + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
                    + " ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2),"
                    + " ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";

    private static final Pattern PAIR =
            Pattern.compile("\\(\\s*'([a-z0-9_]+)'\\s*,\\s*(\\d+)\\s*\\)");

    private DartsGenotype() {}

    /**
     * Parses a genotype string into an architecture of the space.
     *
     * @param space the space
     * @param genotype the genotype string
     * @return the validated architecture
     * @throws InvalidArchitectureException naming the problem if the genotype does not fit
     */
    public static Architecture parse(DartsSpace space, String genotype) {
        Map<String, Object> values = new TreeMap<>();
        readCell(space.normalCell(), section(genotype, "normal"), values);
        readCell(space.reductionCell(), section(genotype, "reduce"), values);
        return space.validate(Architecture.of(values));
    }

    /**
     * Writes an architecture of the space as a genotype string.
     *
     * @param space the space
     * @param architecture a valid architecture
     * @return the genotype string
     */
    public static String format(DartsSpace space, Architecture architecture) {
        Architecture arch = space.validate(architecture);
        return "Genotype(normal="
                + pairs(space.normalCell(), arch)
                + ", normal_concat="
                + concat(space.normalCell())
                + ", reduce="
                + pairs(space.reductionCell(), arch)
                + ", reduce_concat="
                + concat(space.reductionCell())
                + ")";
    }

    private static String section(String genotype, String name) {
        Matcher matcher =
                Pattern.compile("\\b" + name + "\\s*=\\s*\\[([^\\]]*)\\]").matcher(genotype);
        if (!matcher.find()) {
            throw new InvalidArchitectureException(
                    "genotype has no '"
                            + name
                            + "=[...]' list; expected Genotype(normal=[('op', input), ...], ...,"
                            + " reduce=[...], ...)");
        }
        return matcher.group(1);
    }

    private static void readCell(Cell cell, String list, Map<String, Object> values) {
        List<String[]> pairs = new ArrayList<>();
        Matcher matcher = PAIR.matcher(list);
        while (matcher.find()) {
            pairs.add(new String[] {matcher.group(1), matcher.group(2)});
        }
        int expected = 2 * cell.nodes();
        if (pairs.size() != expected) {
            throw new InvalidArchitectureException(
                    "genotype cell '"
                            + cell.label()
                            + "' lists "
                            + pairs.size()
                            + " (operation, input) pairs; expected "
                            + expected
                            + " (two per node)");
        }
        for (int i = 0; i < cell.nodes(); i++) {
            int node = cell.inputs() + i;
            String[] first = pairs.get(2 * i);
            String[] second = pairs.get(2 * i + 1);
            long a = Long.parseLong(first[1]);
            long b = Long.parseLong(second[1]);
            values.put(cell.inputsLabel(node), List.of(a, b));
            values.put(cell.edgeLabel(node, (int) a), first[0]);
            values.put(cell.edgeLabel(node, (int) b), second[0]);
        }
    }

    private static String pairs(Cell cell, Architecture arch) {
        List<String> out = new ArrayList<>();
        for (CellEdge edge : cell.edges(arch)) {
            out.add("('" + edge.operation() + "', " + edge.from() + ")");
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String concat(Cell cell) {
        List<String> nodes = new ArrayList<>();
        for (int node = cell.inputs(); node < cell.inputs() + cell.nodes(); node++) {
            nodes.add(Integer.toString(node));
        }
        return "[" + String.join(", ", nodes) + "]";
    }
}
