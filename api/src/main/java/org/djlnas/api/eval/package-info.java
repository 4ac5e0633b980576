/** Evaluators: scoring an architecture under a budget. */
@NullMarked
package org.djlnas.api.eval;

import org.jspecify.annotations.NullMarked;
