package org.djlnas.strategies.hyperband;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.jspecify.annotations.Nullable;

/**
 * Numbers every choice of a space, reachable or not, in the tree's depth-first order, and encodes
 * an architecture as an array of values by that number, with {@code null} for the choices the
 * architecture does not reach.
 */
final class LabelIndex {

    private final ChoiceTree tree;
    private final List<Choice> choices;
    private final Map<String, Integer> indexByLabel = new HashMap<>();

    LabelIndex(ChoiceTree tree) {
        this.tree = tree;
        this.choices = List.copyOf(tree.choicesByLabel().values());
        for (int i = 0; i < choices.size(); i++) {
            indexByLabel.put(choices.get(i).label(), i);
        }
    }

    /** Returns the space's choice tree. */
    ChoiceTree tree() {
        return tree;
    }

    /** Returns how many choices the space has. */
    int size() {
        return choices.size();
    }

    /** Returns the choice with a number. */
    Choice choice(int index) {
        return choices.get(index);
    }

    /** Returns the number of a choice. */
    int indexOf(Choice choice) {
        Integer index = indexByLabel.get(choice.label());
        if (index == null) {
            throw new IllegalArgumentException("choice '" + choice.label() + "' is not indexed");
        }
        return index;
    }

    /**
     * Encodes an architecture of the space.
     *
     * @param architecture a valid architecture
     * @return its value for each choice number, {@code null} where it reaches no value
     */
    @Nullable Object[] encode(Architecture architecture) {
        @Nullable Object[] encoded = new Object[choices.size()];
        for (int i = 0; i < encoded.length; i++) {
            String label = choices.get(i).label();
            encoded[i] = architecture.has(label) ? architecture.get(label) : null;
        }
        return encoded;
    }
}
