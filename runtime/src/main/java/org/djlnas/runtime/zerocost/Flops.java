package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.types.DataType;
import org.djlnas.api.eval.Metrics;
import org.djlnas.runtime.profile.MultiplyAdds;

/**
 * The multiply-adds of one forward pass of one example ({@link MultiplyAdds}), like {@code params}
 * a baseline for the other proxies. Larger is better (as a predictor of accuracy).
 */
final class Flops implements ZeroCostProxy {

    @Override
    public String id() {
        return "flops";
    }

    @Override
    public String metric() {
        return Metrics.FLOPS;
    }

    @Override
    public String description() {
        return "multiply-adds of one example, no data";
    }

    @Override
    public boolean usesData() {
        return false;
    }

    @Override
    public double score(ProxyNetwork network) {
        return MultiplyAdds.of(network.initialized(DataType.FLOAT32, 1)).total();
    }
}
