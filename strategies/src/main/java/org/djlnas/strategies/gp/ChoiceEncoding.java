package org.djlnas.strategies.gp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;

/**
 * Encodes an architecture as one coordinate per label of its space's choice tree, reachable or not:
 * {@code NaN} where the architecture reaches no value, the value itself for a continuous choice,
 * and for a finite choice a code that is equal for equal values and different otherwise (codes are
 * only ever compared for equality, so the order in which values receive them does not matter).
 */
final class ChoiceEncoding {

    private final List<String> labels = new ArrayList<>();
    private final boolean[] continuous;
    private final List<Map<Object, Integer>> codes = new ArrayList<>();

    /**
     * Numbers the labels of a tree in its depth-first order.
     *
     * @param tree the space's choices
     */
    ChoiceEncoding(ChoiceTree tree) {
        List<Choice> choices = List.copyOf(tree.choicesByLabel().values());
        this.continuous = new boolean[choices.size()];
        for (int i = 0; i < choices.size(); i++) {
            labels.add(choices.get(i).label());
            continuous[i] = choices.get(i).isContinuous();
            codes.add(new HashMap<>());
        }
    }

    /** Returns the number of labels. */
    int size() {
        return labels.size();
    }

    /** Tells whether the label with a number belongs to a continuous choice. */
    boolean isContinuous(int label) {
        return continuous[label];
    }

    /**
     * Encodes an architecture.
     *
     * @param architecture a valid architecture of the space
     * @return its coordinates, one per label
     */
    double[] encode(Architecture architecture) {
        double[] point = new double[labels.size()];
        for (int i = 0; i < point.length; i++) {
            String label = labels.get(i);
            if (!architecture.has(label)) {
                point[i] = Double.NaN;
            } else if (continuous[i]) {
                point[i] = architecture.getDouble(label);
            } else {
                Map<Object, Integer> byValue = codes.get(i);
                point[i] = byValue.computeIfAbsent(architecture.get(label), v -> byValue.size());
            }
        }
        return point;
    }
}
