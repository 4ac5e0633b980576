/** Typed settings of spaces, strategies and evaluators, with their declarations. */
@NullMarked
package org.djlnas.api.settings;

import org.jspecify.annotations.NullMarked;
