package org.djlnas.api.op;

import java.util.Map;

/**
 * Contributes operations (name → block factory). Implementations are found with {@link
 * java.util.ServiceLoader} (list them in {@code
 * META-INF/services/org.djlnas.api.op.OperationProvider}) and need a public no-argument
 * constructor.
 */
public interface OperationProvider {

    /**
     * Returns the operations this provider contributes, by kebab- or snake-case name.
     *
     * @return the factories by name
     */
    Map<String, OpFactory> operations();
}
