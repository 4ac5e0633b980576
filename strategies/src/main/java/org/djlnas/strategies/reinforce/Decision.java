package org.djlnas.strategies.reinforce;

import java.util.List;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.InputChoice;

/**
 * One choice of the space as the policy sees it: {@code options} things to pick from, {@code picks}
 * times without replacement. A layer, value or repeat choice picks one of its values; an input
 * choice picks {@code k} of its {@code n} inputs one after the other.
 *
 * @param index the decision's position in {@link Decisions#all()}
 * @param choice the choice
 * @param options how many options each pick is made from
 * @param picks how many distinct options are picked
 */
record Decision(int index, Choice choice, int options, int picks) {

    /** The most values a choice may have: the policy keeps a logit per value. */
    static final int MAX_OPTIONS = 4096;

    /**
     * Describes a choice as a decision.
     *
     * @throws IllegalArgumentException naming the choice if it is continuous or has more than
     *     {@value #MAX_OPTIONS} values
     */
    static Decision of(int index, Choice choice) {
        if (choice.isContinuous()) {
            throw new IllegalArgumentException(
                    "choice '"
                            + choice.label()
                            + "' is continuous ("
                            + choice.describeDomain()
                            + "); strategy 'reinforce' learns a categorical distribution per"
                            + " choice, expected a categorical or integer choice");
        }
        if (choice instanceof InputChoice input) {
            return new Decision(index, choice, input.candidates(), input.chosen());
        }
        int options = choice.values().size();
        if (options > MAX_OPTIONS) {
            throw new IllegalArgumentException(
                    "choice '"
                            + choice.label()
                            + "' has "
                            + options
                            + " values; strategy 'reinforce' keeps a logit per value and takes at"
                            + " most "
                            + MAX_OPTIONS
                            + ", expected a smaller domain");
        }
        return new Decision(index, choice, options, 1);
    }

    /** Returns the label of the choice. */
    String label() {
        return choice.label();
    }

    /**
     * Returns the choice's canonical value for the options picked.
     *
     * @param picked the option indices, in the order they were picked
     */
    Object value(List<Integer> picked) {
        if (choice instanceof InputChoice) {
            return picked.stream().sorted().map(Long::valueOf).toList();
        }
        return choice.values().get(picked.get(0));
    }
}
