/**
 * Plug-in wiring: the providers {@link java.util.ServiceLoader} finds ({@link
 * org.djlnas.runtime.wiring.PluginCatalog}) are bound by id into Guice {@code MapBinder}s, with
 * defaults through {@code OptionalBinder}s ({@link org.djlnas.runtime.wiring.PluginModule}), in one
 * injector built at the program's edge. The provider interfaces themselves live in the api and know
 * nothing of Guice.
 */
@NullMarked
package org.djlnas.runtime.wiring;

import org.jspecify.annotations.NullMarked;
