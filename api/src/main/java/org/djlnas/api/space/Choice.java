package org.djlnas.api.space;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A labelled decision in a search space.
 *
 * <p>A choice has a {@code /}-scoped label, a domain of values, and, for each value, the nested
 * choices that value makes reachable: the choices inside a layer-choice candidate, the operation of
 * each chosen input, the layers of a repeat. A label that the chosen path does not reach needs no
 * value in an architecture.
 */
public sealed interface Choice permits LayerChoice, InputChoice, ValueChoice, Repeat {

    /**
     * Returns this choice's label, unique within its space.
     *
     * @return the label
     */
    String label();

    /**
     * Tells whether the domain is continuous (a float range), so it has no finite value list.
     *
     * @return true for a continuous domain
     */
    boolean isContinuous();

    /**
     * Returns every value of a finite domain in canonical order.
     *
     * @return the values
     * @throws UnsupportedOperationException if the domain is continuous
     */
    List<Object> values();

    /**
     * Draws a value uniformly from the domain (on a log scale for log-scaled ranges), ignoring
     * nested choices.
     *
     * @param random the random source
     * @return a canonical value
     */
    Object sampleValue(RandomGenerator random);

    /**
     * Returns the choices that become reachable when this choice takes a value.
     *
     * @param value a canonical value of this choice
     * @return the nested choices, possibly empty
     */
    List<Choice> children(Object value);

    /**
     * Tells whether any value of this choice makes nested choices reachable.
     *
     * @return true if it has nested choices
     */
    boolean hasChildren();

    /**
     * Converts a value as found in an architecture to this choice's canonical value.
     *
     * @param value the value (as parsed from JSON or given by code)
     * @return the canonical value
     * @throws IllegalArgumentException naming what was expected if the value is not in the domain
     */
    Object canonicalize(Object value);

    /**
     * Describes the domain for people, for example {@code one of [a, b]} or {@code an integer in
     * [1, 8]}.
     *
     * @return the description
     */
    String describeDomain();
}
