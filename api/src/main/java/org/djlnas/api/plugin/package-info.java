/**
 * How plug-ins are found: {@link org.djlnas.api.plugin.Discovery} loads the providers of one kind
 * with {@link java.util.ServiceLoader} and applies the rules every kind shares (duplicate ids
 * rejected naming both classes, kebab-case ids). The runtime's registry and the model zoo both use
 * it; no Guice types here.
 */
@NullMarked
package org.djlnas.api.plugin;

import org.jspecify.annotations.NullMarked;
