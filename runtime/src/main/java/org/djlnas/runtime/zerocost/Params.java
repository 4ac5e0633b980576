package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.types.DataType;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.space.ParameterCount;

/**
 * The number of trainable parameters ({@link ParameterCount#trainable}), the baseline every
 * zero-cost proxy is compared with. Larger is better (as a predictor of accuracy).
 */
final class Params implements ZeroCostProxy {

    @Override
    public String id() {
        return "params";
    }

    @Override
    public String metric() {
        return Metrics.PARAMETERS;
    }

    @Override
    public String description() {
        return "trainable parameters, no data";
    }

    @Override
    public boolean usesData() {
        return false;
    }

    @Override
    public double score(ProxyNetwork network) {
        return ParameterCount.trainable(network.initialized(DataType.FLOAT32, 1));
    }
}
