/**
 * An example djl-nas plug-in, packaged as a jar of its own: the {@code hill-climbing} strategy
 * ({@link org.djlnas.examples.plugin.HillClimbingProvider}), the {@code se_conv_3x3} operation
 * ({@link org.djlnas.examples.plugin.ExampleOperations}) and the {@code se-cnn} space that searches
 * with it ({@link org.djlnas.examples.plugin.SeCnnProvider}). Each is listed in its {@code
 * META-INF/services} file; docs/plugins.md walks through it.
 */
@NullMarked
package org.djlnas.examples.plugin;

import org.jspecify.annotations.NullMarked;
