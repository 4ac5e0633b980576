package org.djlnas.runtime.wiring;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the id of the strategy a search runs when none is named. {@link PluginModule} binds it
 * through an {@code OptionalBinder} with the default {@value PluginModule#DEFAULT_STRATEGY}; an
 * embedding application changes it with {@code OptionalBinder.newOptionalBinder(binder(),
 * Key.get(String.class, DefaultStrategy.class)).setBinding().toInstance("my-strategy")} in a module
 * of its own.
 */
@BindingAnnotation
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface DefaultStrategy {}
