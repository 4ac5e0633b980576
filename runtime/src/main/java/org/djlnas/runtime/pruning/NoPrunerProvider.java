package org.djlnas.runtime.pruning;

import org.djlnas.api.eval.Pruner;
import org.djlnas.api.eval.PrunerProvider;

/** The pruner that stops no trial, {@value #ID}: every trial runs its whole budget. */
public final class NoPrunerProvider implements PrunerProvider {

    /** The id that means no trial is stopped early. */
    public static final String ID = "none";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public NoPrunerProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "stops no trial";
    }

    @Override
    public Pruner create() {
        return Pruner.NEVER;
    }
}
