package org.djlnas.engine.tensorflow;

import org.djlnas.conformance.EngineConformanceSuite;

/**
 * The engine conformance suite on TensorFlow: it declares only export, so the suite exports
 * networks trained on another engine and skips what needs training or running blocks.
 */
class TensorFlowConformanceTest extends EngineConformanceSuite {

    @Override
    protected String engineName() {
        return TensorFlowSupport.ENGINE_NAME;
    }
}
