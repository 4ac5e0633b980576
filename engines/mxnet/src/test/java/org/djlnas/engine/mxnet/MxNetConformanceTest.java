package org.djlnas.engine.mxnet;

import org.djlnas.conformance.EngineConformanceSuite;

/**
 * Runs the engine conformance suite on MXNet, with PyTorch on the class path as the other engine.
 */
class MxNetConformanceTest extends EngineConformanceSuite {

    @Override
    protected String engineName() {
        return MxNetSupport.ENGINE_NAME;
    }
}
