/**
 * The search-space DSL: labelled choices ({@link org.djlnas.api.space.LayerChoice}, {@link
 * org.djlnas.api.space.InputChoice}, {@link org.djlnas.api.space.ValueChoice}, {@link
 * org.djlnas.api.space.Repeat}), the {@link org.djlnas.api.space.ChoiceTree} that sizes, samples,
 * mutates, enumerates and validates, and the {@link org.djlnas.api.space.SearchSpace} SPI.
 */
@NullMarked
package org.djlnas.api.space;

import org.jspecify.annotations.NullMarked;
