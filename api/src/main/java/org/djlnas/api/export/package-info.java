/**
 * Exporting compiled networks to other runtimes: a block tree is lowered, operation by operation,
 * onto a {@link org.djlnas.api.export.GraphBuilder} that an engine module implements (TensorFlow
 * SavedModels, for example).
 */
@NullMarked
package org.djlnas.api.export;

import org.jspecify.annotations.NullMarked;
