package org.djlnas.runtime.pruning;

import org.djlnas.api.eval.PrunerProvider;

/** The median stopping rule as a pruner plug-in, with its defaults. */
public final class MedianStoppingProvider implements PrunerProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MedianStoppingProvider() {}

    @Override
    public String id() {
        return MedianStoppingRule.ID;
    }

    @Override
    public String description() {
        return "stops a trial whose best objective so far is worse than the median of finished"
                + " trials at the same step";
    }

    @Override
    public MedianStoppingRule create() {
        return MedianStoppingRule.withDefaults();
    }
}
