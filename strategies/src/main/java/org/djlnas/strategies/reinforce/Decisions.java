package org.djlnas.strategies.reinforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.SearchSpace;

/**
 * Every choice of a space as a decision, and the walk that turns picks into an architecture: from
 * the top-level choices, depth first, each reachable choice is decided and then the choices its
 * value makes reachable, in the order the space lists them.
 */
final class Decisions {

    private final List<Choice> roots;
    private final Map<String, Decision> byLabel;
    private final List<Decision> all;

    private Decisions(List<Choice> roots, Map<String, Decision> byLabel) {
        this.roots = roots;
        this.byLabel = byLabel;
        this.all = List.copyOf(byLabel.values());
    }

    /**
     * Lists the decisions of every choice of a space, reachable or not.
     *
     * @throws IllegalArgumentException naming the choice if one cannot be learned (see {@link
     *     Decision#of})
     */
    static Decisions of(SearchSpace space) {
        Map<String, Decision> byLabel = new LinkedHashMap<>();
        for (Choice choice : space.choices().choicesByLabel().values()) {
            byLabel.put(choice.label(), Decision.of(byLabel.size(), choice));
        }
        return new Decisions(space.choices().roots(), byLabel);
    }

    /** Returns the decisions, indexed by {@link Decision#index()}. */
    List<Decision> all() {
        return all;
    }

    /**
     * Builds an architecture by walking the reachable choices and asking for the picks of each.
     *
     * @param chooser gives the picks of a decision, in picking order; called in walk order
     * @return the architecture and its steps
     */
    Sample sample(Function<Decision, List<Integer>> chooser) {
        Map<String, Object> values = new TreeMap<>();
        List<Step> steps = new ArrayList<>();
        walk(roots, chooser, values, steps);
        return new Sample(Architecture.of(values), List.copyOf(steps));
    }

    private void walk(
            List<Choice> choices,
            Function<Decision, List<Integer>> chooser,
            Map<String, Object> values,
            List<Step> steps) {
        for (Choice choice : choices) {
            Decision decision = byLabel.get(choice.label());
            List<Integer> picks = List.copyOf(chooser.apply(decision));
            Object value = decision.value(picks);
            values.put(choice.label(), value);
            steps.add(new Step(decision, picks));
            walk(choice.children(value), chooser, values, steps);
        }
    }
}
